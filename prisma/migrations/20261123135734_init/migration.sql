-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GT', 'GTE', 'LT', 'LTE');

-- CreateEnum
CREATE TYPE "SurgeRule" AS ENUM ('EPIDEMIC_AND_CAPACITY', 'ANY', 'ALL');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('PROVINCE_BODY', 'DISTRICT_COMMITTEE');

-- CreateEnum
CREATE TYPE "ActivationStatus" AS ENUM ('OPEN', 'STOOD_DOWN');

-- CreateEnum
CREATE TYPE "ActivationTrigger" AS ENUM ('AUTOMATIC', 'MANUAL');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'NATIONAL_LEADER', 'PROVINCIAL_DATA_ENTRY', 'PROVINCIAL_LEADER', 'DISTRICT_OFFICER', 'AGENCY_OFFICER');

-- CreateTable
CREATE TABLE "AdminUnit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "parentId" INTEGER,
    "reports" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "AdminUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitPopulation" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "UnitPopulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyReport" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "isoYear" INTEGER NOT NULL,
    "isoWeek" INTEGER NOT NULL,
    "newCases" INTEGER,
    "oxygenAvg7d" DECIMAL(10,2),
    "freeCovidBeds" INTEGER,
    "staffedIcuBeds" INTEGER,
    "totalCovidBeds" INTEGER,
    "totalIcuBeds" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "WeeklyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "provinceCode" TEXT,
    "name" TEXT NOT NULL,
    "sourceDocument" TEXT NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "rule" "SurgeRule" NOT NULL DEFAULT 'EPIDEMIC_AND_CAPACITY',
    "casesComparator" "Comparator" NOT NULL,
    "casesThreshold" DECIMAL(12,2) NOT NULL,
    "oxygenComparator" "Comparator" NOT NULL,
    "oxygenThreshold" DECIMAL(12,2) NOT NULL,
    "bedsComparator" "Comparator" NOT NULL,
    "bedsThreshold" DECIMAL(12,2) NOT NULL,
    "icuComparator" "Comparator" NOT NULL,
    "icuThreshold" DECIMAL(12,2) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "AgencyKind" NOT NULL DEFAULT 'PROVINCE_BODY',
    "hasOwnOfficer" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskTemplate" (
    "id" SERIAL NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "TaskTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activation" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "planVersionId" INTEGER NOT NULL,
    "isoYear" INTEGER NOT NULL,
    "isoWeek" INTEGER NOT NULL,
    "status" "ActivationStatus" NOT NULL DEFAULT 'OPEN',
    "trigger" "ActivationTrigger" NOT NULL,
    "reason" TEXT,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "snapshot" JSONB NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" INTEGER,
    "stoodDownAt" TIMESTAMP(3),
    "stoodDownById" INTEGER,
    "standDownReason" TEXT,

    CONSTRAINT "Activation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivationTask" (
    "id" SERIAL NOT NULL,
    "activationId" INTEGER NOT NULL,
    "templateId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "districtId" INTEGER,
    "text" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "dueDate" DATE,
    "doneAt" TIMESTAMP(3),
    "doneById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ActivationTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "provinceCode" TEXT,
    "unitId" INTEGER,
    "agencyId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "provinceCode" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminUnit_code_key" ON "AdminUnit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUnit_path_key" ON "AdminUnit"("path");

-- CreateIndex
CREATE INDEX "AdminUnit_provinceCode_idx" ON "AdminUnit"("provinceCode");

-- CreateIndex
CREATE INDEX "AdminUnit_parentId_idx" ON "AdminUnit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitPopulation_unitId_year_key" ON "UnitPopulation"("unitId", "year");

-- CreateIndex
CREATE INDEX "WeeklyReport_isoYear_isoWeek_idx" ON "WeeklyReport"("isoYear", "isoWeek");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyReport_unitId_isoYear_isoWeek_key" ON "WeeklyReport"("unitId", "isoYear", "isoWeek");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_key_key" ON "Plan"("key");

-- CreateIndex
CREATE INDEX "Plan_provinceCode_idx" ON "Plan"("provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_version_key" ON "PlanVersion"("planId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_planId_code_key" ON "Agency"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_planId_order_key" ON "Agency"("planId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "TaskTemplate_agencyId_order_key" ON "TaskTemplate"("agencyId", "order");

-- CreateIndex
CREATE INDEX "Activation_provinceId_status_idx" ON "Activation"("provinceId", "status");

-- CreateIndex
CREATE INDEX "ActivationTask_activationId_agencyId_idx" ON "ActivationTask"("activationId", "agencyId");

-- CreateIndex
CREATE INDEX "ActivationTask_districtId_idx" ON "ActivationTask"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivationTask_activationId_templateId_districtId_key" ON "ActivationTask"("activationId", "templateId", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_provinceCode_idx" ON "User"("provinceCode");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_provinceCode_at_idx" ON "AuditLog"("provinceCode", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- AddForeignKey
ALTER TABLE "AdminUnit" ADD CONSTRAINT "AdminUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPopulation" ADD CONSTRAINT "UnitPopulation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPopulation" ADD CONSTRAINT "UnitPopulation_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskTemplate" ADD CONSTRAINT "TaskTemplate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activation" ADD CONSTRAINT "Activation_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activation" ADD CONSTRAINT "Activation_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activation" ADD CONSTRAINT "Activation_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activation" ADD CONSTRAINT "Activation_stoodDownById_fkey" FOREIGN KEY ("stoodDownById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationTask" ADD CONSTRAINT "ActivationTask_activationId_fkey" FOREIGN KEY ("activationId") REFERENCES "Activation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationTask" ADD CONSTRAINT "ActivationTask_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "TaskTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationTask" ADD CONSTRAINT "ActivationTask_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationTask" ADD CONSTRAINT "ActivationTask_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationTask" ADD CONSTRAINT "ActivationTask_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (Prisma's schema language has no partial indexes): at most one OPEN activation per province, so two
-- saves that cross the threshold at the same moment open the plan once. scripts/migrate.ts keeps it out of diffs.
CREATE UNIQUE INDEX "Activation_one_open_per_province" ON "Activation"("provinceId") WHERE "status" = 'OPEN';
