-- CreateEnum
CREATE TYPE "ActivationProposalStatus" AS ENUM ('OPEN', 'OPENED', 'SETTLED', 'LAPSED', 'REPLACED', 'DISMISSED', 'ACTIVATED');

-- AlterEnum
ALTER TYPE "ActivationStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Activation" ADD COLUMN     "correction" JSONB,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ActivationProposal" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "isoYear" INTEGER NOT NULL,
    "isoWeek" INTEGER NOT NULL,
    "status" "ActivationProposalStatus" NOT NULL DEFAULT 'OPEN',
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" INTEGER,
    "closeReason" TEXT,
    "activationId" INTEGER,

    CONSTRAINT "ActivationProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActivationProposal_provinceId_status_idx" ON "ActivationProposal"("provinceId", "status");

-- CreateIndex
CREATE INDEX "ActivationProposal_provinceId_isoYear_isoWeek_idx" ON "ActivationProposal"("provinceId", "isoYear", "isoWeek");

-- AddForeignKey
ALTER TABLE "ActivationProposal" ADD CONSTRAINT "ActivationProposal_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationProposal" ADD CONSTRAINT "ActivationProposal_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivationProposal" ADD CONSTRAINT "ActivationProposal_activationId_fkey" FOREIGN KEY ("activationId") REFERENCES "Activation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one OPEN proposal per province (hand-written: the schema language has no partial indexes). Two saves making
-- the latest week an unsettled surge at once create one proposal; the loser's insert is rolled back to a savepoint.
CREATE UNIQUE INDEX "ActivationProposal_one_open_per_province" ON "ActivationProposal"("provinceId") WHERE "status" = 'OPEN';
