CREATE INDEX "reports_region_month" ON "reports" USING btree ("region_code","year","month");--> statement-breakpoint
CREATE INDEX "targets_region" ON "targets" USING btree ("region_code","year");