-- unique_key: year, department_code, spend_class
-- The published spend files (<year>/<DEPT>/spend.*, one file set per year and department_code, the columns in file
-- order): marts.spend_by_department_year. The file keeps the column name spend_max_is_unbounded, the name it was
-- published under (the warehouse column is is_spend_max_unbounded since V018).
--
-- column category_count (count): Number of cost categories (hoofdkostensoort values) in the row's spend class, or in all classes on the total row.
-- column categories_by_total_band (count): How many of those categories took the band of their total line (method category_total_band).
-- column categories_by_supplier_sum_staffel_13 (count): How many of those categories were summed from their supplier lines because their total line is in staffel 13 (method supplier_sum_staffel_13).
-- column categories_by_supplier_sum_no_total (count): How many of those categories were summed from their supplier lines because they have no total line (method supplier_sum_no_total).
-- column spend_max_is_unbounded (-): True when the row's spend includes a staffel-13 amount, so that it has no upper bound and spend_max_eur is NULL (is_spend_max_unbounded of marts.spend_by_department_year, under the file's published name).
-- column categories_excluded_staffel_0 (count): How many of those categories count as 0 because their total line is in staffel 0 (method excluded_staffel_0).
SELECT
    department_code,
    year,
    spend_class,
    spend_min_eur,
    spend_mid_eur,
    spend_max_eur,
    is_spend_max_unbounded AS spend_max_is_unbounded,
    category_count,
    categories_by_total_band,
    categories_by_supplier_sum_staffel_13,
    categories_by_supplier_sum_no_total,
    categories_excluded_staffel_0,
    supplier_line_count
FROM marts.spend_by_department_year
