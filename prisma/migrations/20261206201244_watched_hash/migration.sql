-- AlterTable
ALTER TABLE "trial" ADD COLUMN     "watched_hash" TEXT;
