-- Severity figures (issue 14): severe cases under treatment, new hospital admissions and COVID-19 deaths per unit and
-- week. Optional (NULL = not reported, distinct from 0); existing rows report none of them.
-- AlterTable
ALTER TABLE "WeeklyReport" ADD COLUMN     "deaths" INTEGER,
ADD COLUMN     "newAdmissions" INTEGER,
ADD COLUMN     "severeCases" INTEGER;
