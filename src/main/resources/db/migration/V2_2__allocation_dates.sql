-- The cockpit's aggregates read allocations by date: those after an as-of date (to rebuild the
-- open amounts of that day) and those of the last months (settlement dates, payment delays).
CREATE INDEX allocation_tenant_date ON allocation (tenant_id, allocated_on);
