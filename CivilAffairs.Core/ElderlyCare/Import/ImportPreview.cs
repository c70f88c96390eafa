namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>Limits on an uploaded import file; a file over them is refused as a whole.</summary>
public static class ImportLimits
{
    /// <summary>Largest accepted upload (5 MB).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Most data rows in one file; larger sets are imported in batches.</summary>
    public const int MaxDataRows = 5_000;

    /// <summary>
    /// Most rows scanned including blank ones: the reader fills gaps between rows, so one stray
    /// cell far down the sheet would otherwise make a tiny file expensive to read.
    /// </summary>
    public const int MaxSheetRows = 20_000;

    /// <summary>Largest unpacked size of the workbook's parts (guards against zip bombs).</summary>
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;
}

/// <summary>One problem of an uploaded row. <see cref="Message"/> is the Chinese text shown to the user, e.g. 「第 5 行：…」.</summary>
public sealed record ImportError(int RowNumber, string Column, string Message)
{
    public override string ToString() => Message;
}

/// <summary>One data row as read from the file: its Excel row number, the parsed values and what is wrong with it.</summary>
public sealed record ImportRow<T>(int RowNumber, T Values, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The parsed rows of an upload, shown to the user before anything is written. It can be committed
/// only when no row has an error; the commit checks the rows again against the database.
/// </summary>
public sealed record ImportPreview<T>(IReadOnlyList<ImportRow<T>> Rows)
{
    public bool HasErrors => Rows.Any(r => r.Errors.Count > 0);

    public IEnumerable<ImportError> Errors => Rows.SelectMany(r => r.Errors);

    public int ValidRowCount => Rows.Count(r => r.Errors.Count == 0);
}
