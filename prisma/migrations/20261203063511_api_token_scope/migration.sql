-- API token scopes (issue 11): "read" tokens may only GET/HEAD; tokens that exist already keep writing (read-write).
-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'read-write';

-- Prisma does not model CHECK constraints; this one keeps the column to the two scopes the code knows.
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scope_check" CHECK ("scope" IN ('read', 'read-write'));
