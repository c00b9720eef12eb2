-- AlterTable
ALTER TABLE "trial" ADD COLUMN     "eligibility" JSONB,
ADD COLUMN     "eligibility_version" INTEGER NOT NULL DEFAULT 0;
