"""Japanese date and time formats: 2027年11月15日(月) 10:30, the way Japanese readers expect."""

DATE_FORMAT = "Y年n月j日(D)"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y年n月j日(D) H:i"
MONTH_DAY_FORMAT = "n月j日(D)"
YEAR_MONTH_FORMAT = "Y年n月"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
