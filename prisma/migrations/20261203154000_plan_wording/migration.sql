-- Issue 14, "the plans' words": the built-in plans' references as the documents give them (the Kiên Giang plan is a
-- draft sent for comments; the Lai Châu plan's number and day are blank in the document itself, no "…" placeholder)
-- and the district committees' name with the one spelling of "Ủy ban". Only rows still holding the old built-in text
-- change: a text anyone has written differently is left alone. Each change leaves an audit row. On a new database
-- nothing matches here; the seed writes the new text (src/lib/surge/plans.ts, prisma/data/response/*.json).

WITH wording ("key", old_source, new_source) AS (
  VALUES
    (
      'kien-giang',
      'Công văn 3840/SYT-NVYD (11/2023) của Sở Y tế tỉnh Kiên Giang, Phụ lục, mục II.2',
      'Công văn 3840/SYT-NVYD (11/2023) của Sở Y tế tỉnh Kiên Giang gửi dự thảo Kế hoạch để góp ý (hạn 17/11/2023), Phụ lục, mục II.2'
    ),
    (
      'lai-chau',
      'Kế hoạch số …/KH-UBND ngày …/12/2023 của UBND tỉnh Lai Châu, Phụ lục, mục II.2',
      'Kế hoạch số /KH-UBND ngày /12/2023 của UBND tỉnh Lai Châu (số và ngày để trống trong văn bản), theo đề nghị của Sở Y tế tại Tờ trình số 227/TTr-SYT ngày 01/12/2023, Phụ lục, mục II.2'
    )
), changed AS (
  UPDATE "Plan" p
  SET "sourceDocument" = w.new_source
  FROM wording w
  WHERE p."key" = w."key" AND p."sourceDocument" = w.old_source
  RETURNING p."id", p."provinceCode", w.old_source, w.new_source
)
INSERT INTO "AuditLog" ("actorLabel", "action", "targetType", "targetId", "provinceCode", "before", "after")
SELECT 'system:migration', 'plan.wording-updated', 'Plan', c."id"::text, c."provinceCode",
       jsonb_build_object('sourceDocument', c.old_source), jsonb_build_object('sourceDocument', c.new_source)
FROM changed c;

WITH changed AS (
  UPDATE "Agency" a
  SET "name" = 'Ủy ban nhân dân các huyện, thành phố'
  FROM "Plan" p
  WHERE a."planId" = p."id"
    AND p."key" IN ('kien-giang', 'lai-chau')
    AND a."code" = 'uy-ban-nhan-dan-cac-huyen-thanh-pho'
    AND a."name" = 'Uỷ ban nhân dân các huyện, thành phố'
  RETURNING a."id", p."provinceCode"
)
INSERT INTO "AuditLog" ("actorLabel", "action", "targetType", "targetId", "provinceCode", "before", "after")
SELECT 'system:migration', 'plan.wording-updated', 'Agency', c."id"::text, c."provinceCode",
       jsonb_build_object('name', 'Uỷ ban nhân dân các huyện, thành phố'),
       jsonb_build_object('name', 'Ủy ban nhân dân các huyện, thành phố')
FROM changed c;
