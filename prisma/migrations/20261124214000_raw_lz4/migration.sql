-- Hand-written: compress the stored raw records with lz4 where the server supports it (faster to
-- write and read than the default pglz, at a similar size). Servers built without lz4 keep pglz.
DO $$
BEGIN
  ALTER TABLE "trial" ALTER COLUMN "raw" SET COMPRESSION lz4;
  ALTER TABLE "invalid_record" ALTER COLUMN "raw" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN
  RAISE NOTICE 'lz4 compression is not available here; keeping the default';
END $$;
