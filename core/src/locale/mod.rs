//! Locale data (CLDR) for formatting `currency` and `date_time` parameters.
