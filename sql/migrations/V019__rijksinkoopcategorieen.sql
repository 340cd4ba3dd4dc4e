-- Issue 20 item 1: the category view for category managers. The government-wide procurement categories
-- (rijksinkoopcategorieën) and how cost categories (spend), the tenders' category field (MVI-ZET) and the
-- supplier-reported metrics (results) map onto them; both tables are reference data from config/reference/.
CREATE TABLE ref.rijksinkoopcategorie (
    category_code          VARCHAR PRIMARY KEY,   -- path-safe code, used in categories/<code>/ and report/category-<code>.html
    name_nl                VARCHAR NOT NULL,      -- the category's name as the government uses it, e.g. Consumptieve dienstverlening
    is_isv_risk_category   BOOLEAN NOT NULL,      -- designated ISV risk category (evaluation Table 4)
    is_circular_2020       BOOLEAN NOT NULL,      -- to be set up circularly by 2020 (evaluation Table 4)
    source                 VARCHAR NOT NULL
);

CREATE TABLE ref.category_mapping (
    source_kind    VARCHAR NOT NULL,   -- cost_category (spend hoofdkostensoort), tender_category (MVI-ZET Rijksinkoopcategorie) or result_metric
    source_value   VARCHAR NOT NULL,   -- the value as written; matched by norm_key (case, accents and spacing ignored)
    category_code  VARCHAR NOT NULL,   -- a category_code of ref.rijksinkoopcategorie
    source         VARCHAR NOT NULL
);
