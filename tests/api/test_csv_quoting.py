"""A CSV file written by any spreadsheet is read as written: quotes and separators inside a
quoted field stay in that field (before, a doubled quote split the row)."""

import csv
import io

from api.csv_import import read_csv, template


def rows_with(summary: str, delimiter: str) -> bytes:
    reader = csv.DictReader(io.StringIO(template()))
    row = next(reader) | {"summary": summary}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames, delimiter=delimiter)
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode()


def test_quotes_and_separators_inside_a_field_stay_in_it():
    summary = 'Beratung "vor Ort", auch; samstags'
    for delimiter in (",", ";", "\t"):
        records, problems = read_csv(rows_with(summary, delimiter))
        assert problems == []
        assert records[0]["description"] == summary, delimiter
        assert records[0]["status"] == "active", delimiter
