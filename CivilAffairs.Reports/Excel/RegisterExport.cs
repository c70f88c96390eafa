using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CivilAffairs.Reports.Excel;

/// <summary>One column of a register export: header, width (characters) and how to read the cell from a row.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed record ExportColumn<T>(string Header, double Width, Func<T, object?> Value);

/// <summary>
/// Writes a register (a filtered list of records) to an .xlsx workbook row by row, without holding
/// the rows in memory: a title row, a frozen header row and the data rows.
/// </summary>
public static class RegisterExport
{
    /// <summary>Excel's own limit on sheet names.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>Streams <paramref name="rows"/> into <paramref name="output"/> as one worksheet.</summary>
    /// <returns>The number of data rows written.</returns>
    public static async Task<int> WriteAsync<T>(
        Stream output,
        string sheetName,
        string title,
        IReadOnlyList<ExportColumn<T>> columns,
        IAsyncEnumerable<T> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
        var options = new WorksheetOptions { FrozenRows = 2 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = columns[i].Width;
        }

        await spreadsheet.StartWorksheetAsync(SheetName(sheetName), options, cancellationToken);
        var titleStyle = spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 14 } });
        var headerStyle = spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = System.Drawing.Color.FromArgb(0xDD, 0xE6, 0xF1) },
            Border = new Border { Bottom = new EdgeBorder { BorderStyle = BorderStyle.Thin, Color = System.Drawing.Color.Gray } },
        });
        var dateStyle = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        var timeStyle = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });
        var moneyStyle = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.00") });

        await spreadsheet.AddRowAsync([new Cell(title, titleStyle)], cancellationToken);
        if (columns.Count > 1)
        {
            spreadsheet.MergeCells($"A1:{ColumnLetter(columns.Count)}1");
        }

        await spreadsheet.AddHeaderRowAsync(columns.Select(c => c.Header).ToArray(), headerStyle, cancellationToken);

        var cells = new Cell[columns.Count];
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = columns[i].Value(row) switch
                {
                    null => new Cell(string.Empty),
                    string s => new Cell(s),
                    int n => new Cell(n),
                    long n => new Cell(n),
                    decimal m => new Cell(m, moneyStyle),
                    double d => new Cell(d),
                    bool b => new Cell(b ? "是" : "否"),
                    DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), dateStyle),
                    DateTime t => new Cell(t, timeStyle),
                    DateTimeOffset t => new Cell(t.DateTime, timeStyle),
                    var other => new Cell(other.ToString()),
                };
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
            count++;
        }

        await spreadsheet.FinishAsync(cancellationToken);
        return count;
    }

    /// <summary>A name Excel accepts: no []:*?/\ and at most 31 characters.</summary>
    public static string SheetName(string name)
    {
        var clean = new string((name ?? string.Empty).Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "Sheet1";
        }

        return clean.Length <= MaxSheetNameLength ? clean : clean[..MaxSheetNameLength];
    }

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnLetter(int column)
    {
        var letters = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            letters = (char)('A' + rem) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }
}
