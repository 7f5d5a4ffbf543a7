-- Thai administrative areas (GeoThai, CC BY 4.0). The rows are loaded from
-- assets/thai_geography.csv by `prakan migrate` right after the migrations.
CREATE TABLE provinces (
    id SERIAL PRIMARY KEY,
    province_code VARCHAR(2) NOT NULL UNIQUE CHECK (province_code ~ '^[0-9]{2}$'),
    name_th VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    region VARCHAR(20) NOT NULL
        CHECK (region IN ('CENTRAL', 'NORTH', 'NORTHEAST', 'SOUTH', 'EAST', 'WEST')),
    is_active BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE amphoes (
    id SERIAL PRIMARY KEY,
    amphoe_code VARCHAR(4) NOT NULL UNIQUE CHECK (amphoe_code ~ '^[0-9]{4}$'),
    province_id INTEGER NOT NULL REFERENCES provinces(id),
    name_th VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE
);

-- A tambon can span several post-office zones (160 of them do), so every code is kept.
CREATE TABLE tambons (
    id SERIAL PRIMARY KEY,
    tambon_code VARCHAR(6) NOT NULL UNIQUE CHECK (tambon_code ~ '^[0-9]{6}$'),
    amphoe_id INTEGER NOT NULL REFERENCES amphoes(id),
    name_th VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    postal_codes VARCHAR(5)[] NOT NULL
        CONSTRAINT chk_tambons_postal_codes
        CHECK (cardinality(postal_codes) >= 1
               AND array_to_string(postal_codes, ' ') ~ '^[0-9]{5}( [0-9]{5})*$'),
    is_active BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE INDEX idx_amphoes_province ON amphoes(province_id);
CREATE INDEX idx_tambons_amphoe ON tambons(amphoe_id);
CREATE INDEX idx_tambons_postal_codes ON tambons USING GIN (postal_codes);

COMMENT ON TABLE provinces IS 'Thai provinces (GeoThai, CC BY 4.0)';
COMMENT ON TABLE amphoes IS 'Thai districts: amphoe, or khet in Bangkok (GeoThai, CC BY 4.0)';
COMMENT ON TABLE tambons IS 'Thai sub-districts: tambon, or khwaeng in Bangkok (GeoThai, CC BY 4.0)';
COMMENT ON COLUMN tambons.postal_codes IS 'Every postcode serving the tambon; the first is the usual one';
