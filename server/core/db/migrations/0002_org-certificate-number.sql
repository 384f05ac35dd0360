DROP INDEX "certificates_number_idx";--> statement-breakpoint
CREATE INDEX "organizations_jurisdiction_idx" ON "organizations" USING btree ("tenant_code","jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_idx" ON "enforcement_certificates" USING btree ("tenant_code","number");