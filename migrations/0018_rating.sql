-- Rating tables for voluntary cover (DOMAIN §2–§3; src/domain/premium/rating.rs does the
-- arithmetic). A rating table is in force from its effective_from date until the next
-- one; a quote uses the latest table in force on the policy's start date, so a new table
-- is added, never edited into the past. CMI is not rated here: its tariff is fixed by the
-- OIC (src/domain/premium/cmi.rs).
CREATE TABLE rating_tables (
    effective_from DATE PRIMARY KEY,
    -- The audit trail keys every record by a UUID.
    id UUID NOT NULL DEFAULT gen_random_uuid() CONSTRAINT rating_tables_id_key UNIQUE,
    description TEXT NOT NULL CONSTRAINT chk_rating_tables_description CHECK (btrim(description) <> ''),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0
);

COMMENT ON TABLE rating_tables IS 'Versions of the voluntary rating: each in force from effective_from until the next';

-- The premium of a class on a kind of vehicle for a use, before the factors:
-- base_premium + own_damage_rate × sum insured (the latter for classes 1, 2+ and 2).
CREATE TABLE rating_base_rates (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    effective_from DATE NOT NULL REFERENCES rating_tables(effective_from) ON DELETE CASCADE,

    policy_type VARCHAR(20) NOT NULL
        CHECK (policy_type IN ('CMI', 'CLASS_1', 'CLASS_2_PLUS', 'CLASS_2', 'CLASS_3_PLUS', 'CLASS_3')),
    vehicle_type VARCHAR(50) NOT NULL
        CHECK (vehicle_type IN ('SEDAN', 'HATCHBACK', 'SUV', 'PICKUP', 'VAN', 'MOTORCYCLE')),
    usage_type VARCHAR(20) NOT NULL
        CHECK (usage_type IN ('PERSONAL', 'COMMERCIAL', 'TAXI', 'RENTAL')),

    base_premium NUMERIC(12,2) NOT NULL CONSTRAINT chk_rating_base_rates_base_premium CHECK (base_premium > 0),
    own_damage_rate NUMERIC(7,5) NOT NULL DEFAULT 0
        CONSTRAINT chk_rating_base_rates_own_damage_rate CHECK (own_damage_rate >= 0),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT rating_base_rates_key UNIQUE (effective_from, policy_type, vehicle_type, usage_type)
);

COMMENT ON TABLE rating_base_rates IS 'Base premium and own-damage rate per class, vehicle type and usage, per rating table';
COMMENT ON COLUMN rating_base_rates.own_damage_rate IS 'Fraction of the sum insured added to the base premium (0.012 = 1.2 %)';

-- Multipliers by band: a value v is in a band when lower_bound <= v < upper_bound (no
-- upper bound = and above). Bands of one kind in one table never overlap.
CREATE TABLE rating_factors (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    effective_from DATE NOT NULL REFERENCES rating_tables(effective_from) ON DELETE CASCADE,

    factor_kind VARCHAR(20) NOT NULL
        CHECK (factor_kind IN ('VEHICLE_AGE', 'ENGINE_CC', 'SUM_INSURED', 'DRIVER_AGE', 'DEDUCTIBLE')),
    lower_bound NUMERIC NOT NULL CONSTRAINT chk_rating_factors_lower_bound CHECK (lower_bound >= 0),
    upper_bound NUMERIC,
    multiplier NUMERIC(6,4) NOT NULL CONSTRAINT chk_rating_factors_multiplier CHECK (multiplier > 0),

    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_by UUID,
    version INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT chk_rating_factors_bounds CHECK (upper_bound IS NULL OR upper_bound > lower_bound),
    CONSTRAINT excl_rating_factors_overlapping_bands EXCLUDE USING gist (
        effective_from WITH =,
        factor_kind WITH =,
        numrange(lower_bound, upper_bound, '[)') WITH &&
    )
);

COMMENT ON TABLE rating_factors IS 'Rating multipliers by band of vehicle age, engine cc, sum insured, driver age and deductible';
COMMENT ON COLUMN rating_factors.lower_bound IS 'Inclusive: years, cc or THB according to factor_kind';
COMMENT ON COLUMN rating_factors.upper_bound IS 'Exclusive; NULL = no upper bound';

-- The demonstration table, in force before any demo or scale policy starts. Figures are
-- plausible for the Thai market in 2026, not any insurer's filed rates: a Class 1 sedan
-- for personal use is 7,000 baht + 1.2 % of the sum insured before the factors. Each
-- vehicle type and use scales the class's figures.
INSERT INTO rating_tables (effective_from, description)
VALUES ('2020-01-01', 'Demonstration rates (plausible 2026 Thai market figures, not filed rates)');

INSERT INTO rating_base_rates (effective_from, policy_type, vehicle_type, usage_type, base_premium, own_damage_rate)
SELECT DATE '2020-01-01', class.policy_type, vehicle.vehicle_type, usage.usage_type,
       round(class.base_premium * vehicle.base_multiplier * usage.multiplier),
       round(class.own_damage_rate * vehicle.own_damage_multiplier * usage.multiplier, 5)
  FROM (VALUES ('CLASS_1',      7000, 0.01200),
               ('CLASS_2_PLUS', 5200, 0.00250),
               ('CLASS_2',      2900, 0.00150),
               ('CLASS_3_PLUS', 5800, 0.00000),
               ('CLASS_3',      2200, 0.00000))
       AS class(policy_type, base_premium, own_damage_rate)
 CROSS JOIN (VALUES ('SEDAN',      1.00, 1.00),
                    ('HATCHBACK',  0.95, 1.00),
                    ('SUV',        1.15, 0.95),
                    ('PICKUP',     1.10, 1.05),
                    ('VAN',        1.25, 1.10),
                    ('MOTORCYCLE', 0.30, 1.60))
       AS vehicle(vehicle_type, base_multiplier, own_damage_multiplier)
 CROSS JOIN (VALUES ('PERSONAL',   1.00),
                    ('COMMERCIAL', 1.15),
                    ('TAXI',       1.60),
                    ('RENTAL',     1.40))
       AS usage(usage_type, multiplier);

-- Every kind covers 0 upward without a gap. Engine sizes are whole cc: ≤ 1,300 is [0, 1301).
INSERT INTO rating_factors (effective_from, factor_kind, lower_bound, upper_bound, multiplier)
SELECT DATE '2020-01-01', kind, lower_bound, upper_bound, multiplier
  FROM (VALUES ('VEHICLE_AGE',       0,       3, 1.00),
               ('VEHICLE_AGE',       3,       6, 1.05),
               ('VEHICLE_AGE',       6,      10, 1.12),
               ('VEHICLE_AGE',      10,    NULL, 1.25),
               ('ENGINE_CC',         0,    1301, 0.95),
               ('ENGINE_CC',      1301,    2001, 1.00),
               ('ENGINE_CC',      2001,    3001, 1.10),
               ('ENGINE_CC',      3001,    NULL, 1.25),
               ('SUM_INSURED',       0,  300000, 1.05),
               ('SUM_INSURED',  300000, 1000000, 1.00),
               ('SUM_INSURED', 1000000, 2000000, 0.97),
               ('SUM_INSURED', 2000000,    NULL, 0.95),
               ('DRIVER_AGE',        0,      25, 1.30),
               ('DRIVER_AGE',       25,      36, 1.10),
               ('DRIVER_AGE',       36,      50, 0.95),
               ('DRIVER_AGE',       50,    NULL, 1.00),
               ('DEDUCTIBLE',        0,    1000, 1.00),
               ('DEDUCTIBLE',     1000,    3000, 0.95),
               ('DEDUCTIBLE',     3000,    5000, 0.90),
               ('DEDUCTIBLE',     5000,    NULL, 0.85))
       AS band(kind, lower_bound, upper_bound, multiplier);

-- Administrators keep the rates (including deleting a table not yet in force); everyone
-- else reads them to quote.
GRANT SELECT, INSERT, UPDATE, DELETE ON rating_tables, rating_base_rates, rating_factors TO prakan_admin;
GRANT SELECT ON rating_tables, rating_base_rates, rating_factors TO
    prakan_agent, prakan_underwriter, prakan_adjuster, prakan_surveyor,
    prakan_finance, prakan_auditor;

-- Housekeeping and audit triggers as 0011_audit.sql attaches them to every business table
-- (added after the demonstration rows: those are reference data, not anyone's edit).
DO $$
DECLARE
    business_table text;
BEGIN
    FOREACH business_table IN ARRAY ARRAY['rating_tables', 'rating_base_rates', 'rating_factors'] LOOP
        EXECUTE format('CREATE TRIGGER stamp_created_by BEFORE INSERT ON %I
                        FOR EACH ROW EXECUTE FUNCTION stamp_created_by()', business_table);
        EXECUTE format('CREATE TRIGGER touch_row BEFORE UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION touch_row()', business_table);
        EXECUTE format('CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION audit_row_change()', business_table);
    END LOOP;
END
$$;
