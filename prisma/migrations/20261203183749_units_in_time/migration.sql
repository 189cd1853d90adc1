-- AlterTable
ALTER TABLE "AdminUnit" ADD COLUMN     "fromCatalogue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "gsoCode" TEXT,
ADD COLUMN     "legacyAuditCode" TEXT,
ADD COLUMN     "reportsFrom" DATE,
ADD COLUMN     "unitType" TEXT,
ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE;

-- Units made before validity existed: their handle is their GSO code, and audit rows naming that code are theirs.
-- The reference catalogue (loaded at start-up, src/server/units/catalogue.ts) matches them to the 2025-03-01 catalogue.
UPDATE "AdminUnit" SET "gsoCode" = "code", "legacyAuditCode" = "code";
ALTER TABLE "AdminUnit" ALTER COLUMN "gsoCode" SET NOT NULL;

-- The district officer becomes a local officer, scoped to a unit of any level (commune, facility, former district).
ALTER TYPE "Role" RENAME VALUE 'DISTRICT_OFFICER' TO 'LOCAL_OFFICER';

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "provinceId" INTEGER;

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" SERIAL NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "share" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,

    CONSTRAINT "UnitSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueChange" (
    "id" SERIAL NOT NULL,
    "effectiveDate" DATE,
    "checksum" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "successions" INTEGER NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorLabel" TEXT NOT NULL,

    CONSTRAINT "CatalogueChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitSuccession_toId_idx" ON "UnitSuccession"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_fromId_toId_key" ON "UnitSuccession"("fromId", "toId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueChange_checksum_key" ON "CatalogueChange"("checksum");

-- CreateIndex
CREATE INDEX "AdminUnit_gsoCode_idx" ON "AdminUnit"("gsoCode");

-- CreateIndex
CREATE INDEX "AuditLog_provinceId_at_idx" ON "AuditLog"("provinceId", "at");

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_toId_fkey" FOREIGN KEY ("toId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
