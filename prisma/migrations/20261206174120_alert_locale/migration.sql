-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';
