using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>
/// Writes an import template: the data sheet first (header row and one example row, which the
/// reader finds again by header text) and a 填写说明 sheet listing each column's rule.
/// </summary>
internal static class ImportTemplate
{
    public const string InstructionsSheetName = "填写说明";

    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<ImportColumn> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var example = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            example[column.Header] = column.Example;
        }

        var instructions = columns.Select(c => new Dictionary<string, object?>
        {
            ["列名"] = c.Header,
            ["是否必填"] = c.Required ? "必填" : "选填",
            ["填写说明"] = c.Hint,
        }).ToList();
        instructions.Add(new Dictionary<string, object?> { ["列名"] = null, ["是否必填"] = null, ["填写说明"] = null });
        instructions.Add(new Dictionary<string, object?>
        {
            ["列名"] = "说明",
            ["是否必填"] = null,
            ["填写说明"] = $"数据从第 2 行起填写，第 2 行的示例可直接改写或删除；不要修改表头。每次最多 {ImportLimits.MaxDataRows} 行，文件不超过 {ImportLimits.MaxFileBytes / 1024 / 1024} MB。有任何一行出错时整批都不导入。",
        });

        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            DynamicColumns =
            [
                .. columns.Select(c => new DynamicExcelColumn(c.Header) { Width = c.Width, Format = c.Example is DateTime ? "yyyy-MM-dd" : null }),
                new DynamicExcelColumn("列名") { Width = 16 },
                new DynamicExcelColumn("是否必填") { Width = 10 },
                new DynamicExcelColumn("填写说明") { Width = 90 },
            ],
        };

        var sheets = new Dictionary<string, object>
        {
            [sheetName] = new[] { example },
            [InstructionsSheetName] = instructions,
        };

        // Written to memory first: the workbook is small, and the caller's stream may allow only
        // asynchronous writes. MiniExcel's synchronous writer is used on purpose: 1.46.0's SaveAsAsync
        // puts the <drawing> element inside <sheetData>, which Excel reports as damaged content.
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheets, configuration: configuration);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }
}
