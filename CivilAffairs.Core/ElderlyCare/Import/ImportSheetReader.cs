using System.IO.Compression;
using CivilAffairs.Core.Common;
using MiniExcelLibs;

namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>One non-blank data row: its Excel row number and its cells by canonical column header.</summary>
internal sealed record SheetRow(int RowNumber, IReadOnlyDictionary<string, object?> Cells);

/// <summary>
/// Reads the first worksheet of an uploaded .xlsx: refuses what is not a workbook, too large, empty or
/// missing columns (as a <see cref="DomainException"/>, so nothing is parsed or written), finds the
/// header row, maps the expected columns by header text and returns the non-blank rows below it.
/// </summary>
internal static class ImportSheetReader
{
    public const string NotAWorkbook =
        "文件不是有效的 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 另存为 .xlsx 格式后再上传；不支持旧版 .xls 和 CSV 文件。";

    public const string EmptyFile = "上传的文件是空的。请在下载的模板中填好数据后再上传。";

    public const string EmptySheet = "工作表是空的：没有表头和数据。请在下载的模板中填好数据后再上传。";

    public const string NoDataRows = "文件中没有数据行：请从表头下一行起填写数据。";

    public static readonly string TooLarge =
        $"文件过大：每个文件不能超过 {ImportLimits.MaxFileBytes / 1024 / 1024} MB。请删除多余内容或分批导入。";

    public static readonly string TooManyRows =
        $"数据行过多：每次最多导入 {ImportLimits.MaxDataRows} 行。请分批导入。";

    public static readonly string TooManySheetRows =
        $"工作表超过 {ImportLimits.MaxSheetRows} 行（含空行）。请删除多余的空行，或分批导入。";

    public static async Task<IReadOnlyList<SheetRow>> ReadAsync(Stream upload, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var buffer = await CopyWithinLimitAsync(upload, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new DomainException(EmptyFile);
        }

        CheckPackage(buffer);
        buffer.Position = 0;

        List<IDictionary<string, object?>> raw;
        try
        {
            raw = ReadRows(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is not (DomainException or OperationCanceledException))
        {
            // Whatever the reader stumbles on (bad XML, missing parts) means the same to the user.
            throw new DomainException(NotAWorkbook, ex);
        }

        var headerIndex = raw.FindIndex(r => !IsBlank(r));
        if (headerIndex < 0)
        {
            throw new DomainException(EmptySheet);
        }

        var letters = MapHeaders(raw[headerIndex], headers, headerIndex + 1);
        var rows = new List<SheetRow>();
        for (var i = headerIndex + 1; i < raw.Count; i++)
        {
            if (IsBlank(raw[i]))
            {
                continue;
            }

            if (rows.Count == ImportLimits.MaxDataRows)
            {
                throw new DomainException(TooManyRows);
            }

            var cells = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
            foreach (var (header, letter) in letters)
            {
                cells[header] = raw[i].TryGetValue(letter, out var value) ? value : null;
            }

            rows.Add(new SheetRow(i + 1, cells));
        }

        return rows.Count == 0 ? throw new DomainException(NoDataRows) : rows;
    }

    /// <summary>Header text as compared: no spaces or required-marks, half-width brackets, no 「(是/否)」 hint.</summary>
    public static string Normalize(string? header)
    {
        var text = new string((header ?? string.Empty)
            .Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '＊'))
            .Select(c => c switch { '（' => '(', '）' => ')', '／' => '/', _ => c })
            .ToArray());
        const string YesNoHint = "(是/否)";
        return text.EndsWith(YesNoHint, StringComparison.Ordinal) ? text[..^YesNoHint.Length] : text;
    }

    private static Dictionary<string, string> MapHeaders(IDictionary<string, object?> headerRow, IReadOnlyList<string> headers, int rowNumber)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, value) in headerRow)
        {
            var text = Normalize(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            if (text.Length > 0)
            {
                found.TryAdd(text, letter);
            }
        }

        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var header in headers)
        {
            if (found.TryGetValue(Normalize(header), out var letter))
            {
                letters[header] = letter;
            }
            else
            {
                missing.Add(header);
            }
        }

        if (missing.Count > 0)
        {
            throw new DomainException(
                $"表头（第 {rowNumber} 行）缺少以下列：{string.Join("、", missing)}。请使用下载的模板填写，不要修改或删除表头。");
        }

        return letters;
    }

    private static List<IDictionary<string, object?>> ReadRows(MemoryStream buffer, CancellationToken cancellationToken)
    {
        var rows = new List<IDictionary<string, object?>>();
        foreach (var row in MiniExcel.Query(buffer, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == ImportLimits.MaxSheetRows)
            {
                throw new DomainException(TooManySheetRows);
            }

            rows.Add((IDictionary<string, object?>)row);
        }

        return rows;
    }

    private static bool IsBlank(IDictionary<string, object?> row) =>
        row.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));

    private static async Task<MemoryStream> CopyWithinLimitAsync(Stream upload, CancellationToken cancellationToken)
    {
        if (upload.CanSeek && upload.Length - upload.Position > ImportLimits.MaxFileBytes)
        {
            throw new DomainException(TooLarge);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxFileBytes)
            {
                throw new DomainException(TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer;
    }

    /// <summary>An .xlsx is a zip package with a workbook part; checked before the reader sees it.</summary>
    private static void CheckPackage(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer();
        if (buffer.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            throw new DomainException(NotAWorkbook);
        }

        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (!zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)))
            {
                throw new DomainException(NotAWorkbook);
            }

            if (zip.Entries.Sum(e => e.Length) > ImportLimits.MaxUnpackedBytes)
            {
                throw new DomainException(TooLarge);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DomainException(NotAWorkbook, ex);
        }
    }
}
