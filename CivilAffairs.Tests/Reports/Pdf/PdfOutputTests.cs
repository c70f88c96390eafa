using System.Globalization;
using CivilAffairs.Reports.Pdf;
using UglyToad.PdfPig;
using static CivilAffairs.Tests.Reports.Pdf.PdfLayoutProbe;

namespace CivilAffairs.Tests.Reports.Pdf;

/// <summary>Generated PDFs read back with PdfPig: the texts, pages, metadata and fonts a reader sees.</summary>
public sealed class PdfOutputTests
{
    private sealed record Indicator(string Code, string Name, decimal Value);

    private static readonly Indicator[] Indicators = [.. Enumerable.Range(1, 70).Select(i =>
        new Indicator($"EC{i:00}", i == 1 ? "养老机构投资额（万元）" : $"民政指标第{i}项", i == 1 ? 13_418.00m : i * 100.5m))];

    /// <summary>The monthly-report shape of the issue: landscape A4, header, title row, table over three pages, footer.</summary>
    private static byte[] MonthlyReport(string? author = null) => PdfDocumentComposer.Create(Fonts, doc =>
    {
        doc.Metadata(title: "民政统计月报", author: author, subject: "2026年10月");
        doc.CreationDate(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        doc.Page(page =>
        {
            page.Size(PdfPageSize.A4, landscape: true);
            page.Margin(15);
            page.DefaultTextStyle(s => s.FontSize(9));
            page.Header().PaddingBottom(4).Text("博尔塔拉蒙古自治州民政局").FontSize(8);
            page.Content().Column(col =>
            {
                col.Spacing(4);
                col.Item().Text("民政统计月报").FontSize(16).Bold().AlignCenter();
                col.Item().Row(r =>
                {
                    r.RelativeItem().Text("表号：JZH01");
                    r.ConstantItem(120).AlignRight().Text("2026年10月");
                });
                col.Item().Table(t =>
                {
                    t.ColumnsDefinition(c =>
                    {
                        c.ConstantColumn(70);
                        c.RelativeColumn(3);
                        c.RelativeColumn(1);
                    });
                    t.Header(h =>
                    {
                        h.Cell().Text("代码").Bold();
                        h.Cell().Text("指标").Bold();
                        h.Cell().AlignRight().Text("本期").Bold();
                    });
                    foreach (var row in Indicators)
                    {
                        t.Cell().Text(row.Code);
                        t.Cell().Text(row.Name);
                        t.Cell().AlignRight().Text(row.Value.ToString("#,0.00", CultureInfo.InvariantCulture));
                    }
                });
            });
            page.Footer().AlignCenter().PageNumber("第 {0} 页 / 共 {1} 页");
        });
    }).GeneratePdf();

    [Fact]
    public void AReaderFindsTheChineseTextNumbersAndPageNumbers()
    {
        using var pdf = PdfDocument.Open(MonthlyReport());

        var pages = pdf.GetPages().Select(p => p.Text).ToArray();

        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Contains("民政统计月报", pages[0]);
        Assert.Contains("博尔塔拉蒙古自治州民政局", pages[2]);
        Assert.Contains("养老机构投资额（万元）", pages[0]);
        Assert.Contains("13,418.00", pages[0]);
        Assert.Contains("第 1 页 / 共 3 页", pages[0]);
        Assert.Contains("第 2 页 / 共 3 页", pages[1]);
        Assert.Contains("第 3 页 / 共 3 页", pages[2]);
        Assert.All(pages, p => Assert.Contains("代码指标本期", p.Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("EC70", pages[2]);
    }

    [Fact]
    public void PagesAreLandscapeA4()
    {
        using var pdf = PdfDocument.Open(MonthlyReport());

        var page = pdf.GetPage(1);

        Assert.Equal(841.89, page.Width, 0.5);
        Assert.Equal(595.28, page.Height, 0.5);
    }

    [Fact]
    public void MetadataNamesTheBureauAsAuthorByDefault()
    {
        using var pdf = PdfDocument.Open(MonthlyReport());

        Assert.Equal("民政统计月报", pdf.Information.Title);
        Assert.Equal("博尔塔拉蒙古自治州民政局", pdf.Information.Author);
        Assert.Equal("2026年10月", pdf.Information.Subject);
        Assert.Contains("民政业务管理平台", pdf.Information.Creator);
        Assert.StartsWith("D:20261101", pdf.Information.CreationDate);
    }

    [Fact]
    public void MetadataTakesAnotherAuthorWhenGiven()
    {
        using var pdf = PdfDocument.Open(MonthlyReport(author: "博乐市民政局"));

        Assert.Equal("博乐市民政局", pdf.Information.Author);
    }

    [Fact]
    public void TheFontIsEmbeddedAsASubset()
    {
        var bytes = MonthlyReport();
        using var pdf = PdfDocument.Open(bytes);

        var fontNames = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToArray();

        Assert.NotEmpty(fontNames);
        Assert.All(fontNames, name => Assert.Matches("^[A-Z]{6}\\+", name));
        // The WenQuanYi face alone is about 5 MB; three pages with their subset stay far below.
        Assert.True(bytes.Length < new FileInfo(Fonts.FontFile).Length / 10, $"PDF is {bytes.Length:N0} bytes");
    }

    [Fact]
    public void ChartsDrawTheirChineseLabelsAndTarget()
    {
        string[] counties = ["博乐市", "阿拉山口市", "精河县", "温泉县"];
        var months = Enumerable.Range(1, 12).Select(m => $"{m}月").ToArray();
        var bytes = PdfDocumentComposer.Create(Fonts, doc => doc.Page(page => page.Content().Column(col =>
        {
            col.Spacing(10);
            col.Item().BarChart(new BarChartData(counties, [61, 48.5, 55, 70], "护理型床位占比") { Title = "各县市护理型床位占比", Unit = "%", Target = 60 });
            col.Item().LineChart(new LineChartData(months, [.. Enumerable.Range(1, 12).Select(m => 50.0 + m)], "全州")
            {
                Title = "月度趋势",
                Target = 55,
                TargetLabel = "十四五目标 55%",
            });
            col.Item().BarChart(new BarChartData(counties, [new ChartSeries("2025年", [1, 2, 3, 4]), new ChartSeries("2026年", [2, 3, 4, 5])]));
        }))).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);

        var text = pdf.GetPage(1).Text;

        Assert.Equal(1, pdf.NumberOfPages);
        Assert.All(counties, c => Assert.Contains(c, text));
        Assert.Contains("各县市护理型床位占比", text);
        Assert.Contains("目标 60", text);
        Assert.Contains("12月", text);
        Assert.Contains("十四五目标 55%", text);
        Assert.Contains("2026年", text);
    }

    [Fact]
    public void PngAndJpegImagesAreEmbedded()
    {
        var bytes = PdfDocumentComposer.Create(Fonts, doc => doc.Page(page => page.Content().Column(col =>
        {
            col.Item().Width(200).Image(TestImages.Png(40, 20));
            col.Item().Width(100).Image(TestImages.Jpeg());
        }))).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);

        var images = pdf.GetPage(1).GetImages().ToArray();

        Assert.Equal(2, images.Length);
        Assert.Contains(images, i => i.WidthInSamples == 40 && Math.Abs(i.BoundingBox.Width - 200) < 0.5);
        Assert.Contains(images, i => i.WidthInSamples == 8 && Math.Abs(i.BoundingBox.Width - 100) < 0.5);
    }

    [Fact]
    public void SeveralDocumentsCanBeGeneratedAtOnce()
    {
        var results = new byte[8][];

        Parallel.For(0, results.Length, i =>
        {
            results[i] = PdfDocumentComposer.Create(Fonts, doc => doc.Page(p =>
            {
                p.Content().Column(col =>
                {
                    for (var k = 0; k < 200; k++)
                    {
                        col.Item().Text($"文档{i}第{k}行").Bold(k % 2 == 0);
                    }
                });
                p.Footer().PageNumber();
            })).GeneratePdf();
        });

        Assert.All(results.Select((bytes, i) => (bytes, i)), r =>
        {
            using var pdf = PdfDocument.Open(r.bytes);
            Assert.Contains($"文档{r.i}第199行", pdf.GetPage(pdf.NumberOfPages).Text);
        });
    }

    [Fact]
    public void BoldTextIsStillText()
    {
        var bytes = PdfDocumentComposer.Create(Fonts, doc => doc.Page(p => p.Content().Text(t =>
        {
            t.Span("本期合计：").Bold();
            t.Span("1,701").FontColor(PdfColors.Red).FontSize(14);
            t.Span(" 万元");
        }))).GeneratePdf();
        using var pdf = PdfDocument.Open(bytes);

        Assert.Contains("本期合计：1,701 万元", pdf.GetPage(1).Text);
    }
}
