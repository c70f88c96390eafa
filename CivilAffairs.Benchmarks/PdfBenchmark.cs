using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CivilAffairs.Reports.Pdf;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Times the PDF engine on a register-style document: A4 landscape, a 10-column table of Chinese
/// text and amounts over about 100 pages, header repeated on every page, "第 n 页 / 共 m 页"
/// footer. Target: at least 100 pages per second after warm-up (QuestPDF's published rate).
/// </summary>
internal static class PdfBenchmark
{
    private const double TargetPagesPerSecond = 100;

    private static readonly string[] Counties = ["博乐市", "阿拉山口市", "精河县", "温泉县"];

    private static readonly string[] Towns =
        ["青得里街道", "顾里木图街道", "小营盘镇", "贝林哈日莫墩乡", "达勒特镇", "托托镇", "大河沿子镇", "哈日布呼镇", "安格里格乡", "阿热勒托海牧场"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "阿不都", "古丽", "巴特尔"];

    private static readonly string[] Kinds = ["高龄津贴", "最低生活保障", "特困人员供养", "临时救助", "残疾人两项补贴", "孤儿基本生活费"];

    private sealed record Row(int No, string County, string Town, string Name, string Id, string Kind, string Standard, string Amount, string Month, string Note);

    public static int Run(BenchOptions options)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.WriteLine($".NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var fonts = PdfFonts.Load();
        Console.WriteLine($"Font: {fonts.FamilyName} ({fonts.FontFile}, face {fonts.FaceIndex})");

        var rows = Rows(options.PdfRows);
        var first = Stopwatch.StartNew();
        var bytes = Document(fonts, rows).GeneratePdf();
        var pages = PageCount(fonts, rows);
        Console.WriteLine($"Document: {rows.Count:N0} rows × 10 columns, {pages} pages, {bytes.Length / 1024.0:N0} KB; first (cold) run {first.Elapsed.TotalMilliseconds:N0} ms");

        for (var i = 1; i < options.Warmup; i++)
        {
            Document(fonts, rows).GeneratePdf();
        }

        var times = new List<double>();
        for (var i = 0; i < options.Runs; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            bytes = Document(fonts, rows).GeneratePdf();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var stats = Stats.Of(times);
        var rate = pages / (stats.Median / 1000);
        Console.WriteLine($"{"wall time",-10} {"median",10} {"p90",10} {"min",10} {"max",10}   (ms, {options.Runs} runs after {options.Warmup} warm-up; load average now {LoadAverage()})");
        Console.WriteLine($"{"GeneratePdf",-10} {stats.Median,10:F1} {stats.P90,10:F1} {stats.Min,10:F1} {stats.Max,10:F1}");
        Console.WriteLine($"Pages per second: {rate:N0} at the median, {pages / (stats.Min / 1000):N0} at the best run; " +
            $"target ≥ {TargetPagesPerSecond:N0}: {(rate >= TargetPagesPerSecond ? "met" : "MISSED")}");
        Console.WriteLine($"Peak working set of the process: {Memory.PeakMegabytes():N0} MB");

        var file = Path.Combine(Path.GetTempPath(), "civilaffairs-bench", "pdf-benchmark.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        Console.WriteLine($"Last document written to {file}");
        return rate >= TargetPagesPerSecond ? 0 : 1;
    }

    private static int PageCount(PdfFonts fonts, IReadOnlyList<Row> rows)
    {
        var document = Document(fonts, rows);
        document.GeneratePdf(Stream.Null);
        return document.PageCount;
    }

    private static PdfDocumentComposer Document(PdfFonts fonts, IReadOnlyList<Row> rows) => PdfDocumentComposer.Create(fonts, doc =>
    {
        doc.Metadata(title: "民政救助对象发放明细（基准测试）", subject: "2026年10月");
        doc.Page(page =>
        {
            page.Size(PdfPageSize.A4, landscape: true);
            page.Margin(12);
            page.DefaultTextStyle(s => s.FontSize(8));
            page.Header().PaddingBottom(4).Row(r =>
            {
                r.RelativeItem().Text("博尔塔拉蒙古自治州民政局").FontSize(7).FontColor(PdfColors.Grey);
                r.AutoItem().Text("民政救助对象发放明细 2026年10月").FontSize(7).FontColor(PdfColors.Grey);
            });
            page.Content().Column(col =>
            {
                col.Spacing(6);
                col.Item().Text("民政救助对象发放明细").FontSize(14).Bold().AlignCenter();
                col.Item().Table(t =>
                {
                    t.ColumnsDefinition(c =>
                    {
                        c.ConstantColumn(34);
                        c.ConstantColumn(56);
                        c.RelativeColumn(1.3f);
                        c.RelativeColumn(1);
                        c.ConstantColumn(96);
                        c.RelativeColumn(1.2f);
                        c.ConstantColumn(52);
                        c.ConstantColumn(60);
                        c.ConstantColumn(50);
                        c.RelativeColumn(1.4f);
                    });
                    t.Header(h =>
                    {
                        foreach (var title in new[] { "序号", "县市", "乡镇（街道）", "姓名", "身份证号", "救助类别", "标准（元）", "发放金额（元）", "月份", "备注" })
                        {
                            h.Cell().Text(title).Bold();
                        }
                    });
                    foreach (var row in rows)
                    {
                        t.Cell().AlignRight().Text(row.No.ToString(CultureInfo.InvariantCulture));
                        t.Cell().Text(row.County);
                        t.Cell().Text(row.Town);
                        t.Cell().Text(row.Name);
                        t.Cell().Text(row.Id);
                        t.Cell().Text(row.Kind);
                        t.Cell().AlignRight().Text(row.Standard);
                        t.Cell().AlignRight().Text(row.Amount);
                        t.Cell().Text(row.Month);
                        t.Cell().Text(row.Note);
                    }
                });
            });
            page.Footer().AlignCenter().PageNumber("第 {0} 页 / 共 {1} 页").FontSize(7);
        });
    });

    private static List<Row> Rows(int count)
    {
        var random = new Random(20261028);
        var rows = new List<Row>(count);
        for (var i = 1; i <= count; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var standard = 100m + (random.Next(1, 40) * 25m);
            var months = random.Next(1, 4);
            rows.Add(new Row(
                i,
                Counties[random.Next(Counties.Length)],
                Towns[random.Next(Towns.Length)],
                Surnames[random.Next(Surnames.Length)] + (random.Next(2) == 0 ? "建国" : "热依拉"),
                $"652722{random.Next(1940, 2015)}********",
                kind,
                standard.ToString("#,0.00", CultureInfo.InvariantCulture),
                (standard * months).ToString("#,0.00", CultureInfo.InvariantCulture),
                "2026-10",
                random.Next(8) == 0 ? "含补发前两个月，经乡镇审核、县民政局复核后发放" : string.Empty));
        }

        return rows;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
