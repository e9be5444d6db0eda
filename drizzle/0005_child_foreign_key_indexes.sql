CREATE INDEX "contact_service_id_idx" ON "contact" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "contact_location_id_idx" ON "contact" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "contact_service_at_location_id_idx" ON "contact" USING btree ("service_at_location_id");--> statement-breakpoint
CREATE INDEX "language_location_id_idx" ON "language" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "language_phone_id_idx" ON "language" USING btree ("phone_id");--> statement-breakpoint
CREATE INDEX "phone_location_id_idx" ON "phone" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "phone_contact_id_idx" ON "phone" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "phone_service_at_location_id_idx" ON "phone" USING btree ("service_at_location_id");--> statement-breakpoint
CREATE INDEX "schedule_location_id_idx" ON "schedule" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "service_area_service_at_location_id_idx" ON "service_area" USING btree ("service_at_location_id");