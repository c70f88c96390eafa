using System.IO.Compression;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Tests.Reports;

public sealed class RegisterExportTests
{
    private sealed record Row(string Name, int Count, DateOnly Day);

    private static async IAsyncEnumerable<Row> Rows(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Task.Yield();
            yield return new Row($"名称{i}", i, new DateOnly(2026, 1, 1).AddDays(i));
        }
    }

    [Fact]
    public async Task WritesTitleHeaderAndEveryRowIntoAValidWorkbook()
    {
        using var stream = new MemoryStream();
        ExportColumn<Row>[] columns = [new("名称", 10, r => r.Name), new("数量", 8, r => r.Count), new("日期", 12, r => r.Day)];

        var written = await RegisterExport.WriteAsync(stream, "人员登记", "人员登记表", columns, Rows(250), TestContext.Current.CancellationToken);

        Assert.Equal(250, written);
        using var zip = new ZipArchive(new MemoryStream(stream.ToArray()));
        var workbook = await new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEndAsync(TestContext.Current.CancellationToken);
        var sheet = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("人员登记", workbook);
        Assert.Contains("人员登记表", sheet);
        Assert.Contains("名称249", sheet);
        Assert.Contains("A1:C1", sheet); // merged title
        Assert.Equal(252, sheet.Split("<row ").Length - 1); // title + header + rows
    }

    [Theory]
    [InlineData("a/b:c", "a_b_c")]
    [InlineData("", "Sheet1")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void MakesSheetNamesExcelAccepts(string name, string expected) =>
        Assert.Equal(expected, RegisterExport.SheetName(name));

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(703, "AAA")]
    public void NamesColumns(int column, string letters) => Assert.Equal(letters, RegisterExport.ColumnLetter(column));
}
