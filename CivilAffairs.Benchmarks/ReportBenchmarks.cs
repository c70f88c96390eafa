using System.Diagnostics;
using System.Globalization;
using CivilAffairs.Core;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Reports.Documents;
using CivilAffairs.Reports.Excel;
using CivilAffairs.Reports.Pdf;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Report benchmarks (issue targets):
/// <c>reports excel</c> — a register export of 100,000 rows × 10 columns through the streaming writer:
/// under 2 s and under 150 MB peak process memory (run it in a process of its own for a fair peak);
/// <c>reports monthly</c> — the monthly report for the prefecture on the demo data set: PDF and Excel
/// each under 300 ms median after warm-up.
/// </summary>
internal static class ReportBenchmarks
{
    public const string Usage = """
        dotnet run -c Release --project CivilAffairs.Benchmarks -- reports excel   [--rows 100000] [--runs 5]
        dotnet run -c Release --project CivilAffairs.Benchmarks -- reports monthly [--runs 15]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 0);
        switch (args.FirstOrDefault())
        {
            case "excel":
                await ExcelAsync(Option(args, "--rows", 100_000), runs == 0 ? 5 : runs);
                return 0;
            case "monthly":
                await MonthlyAsync(runs == 0 ? 15 : runs);
                return 0;
            default:
                Console.WriteLine(Usage);
                return 2;
        }
    }

    private sealed record Row(int Id, string Name, string IdNumber, string Division, DateOnly Date, decimal Amount, int Count, string Status, string Note, bool Flag);

    private static async IAsyncEnumerable<Row> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new Row(i, $"姓名{i % 997}", $"652722{1940 + (i % 40)}0101{i % 1000:000}X", "精河县精河镇", new DateOnly(2026, 1, 1).AddDays(i % 300),
                (i % 5000) + 0.5m, i % 17, i % 3 == 0 ? "已发放" : "待发放", "备注：测试数据", i % 2 == 0);
        }

        await Task.CompletedTask;
    }

    private static readonly ExportColumn<Row>[] Columns =
    [
        new("编号", 8, r => r.Id), new("姓名", 10, r => r.Name), new("身份证号", 20, r => r.IdNumber), new("区划", 14, r => r.Division),
        new("日期", 12, r => r.Date), new("金额", 12, r => r.Amount), new("数量", 8, r => r.Count), new("状态", 8, r => r.Status),
        new("备注", 16, r => r.Note), new("标记", 6, r => r.Flag),
    ];

    private static async Task ExcelAsync(int rows, int runs)
    {
        var path = Path.Combine(Path.GetTempPath(), "civilaffairs-bench-register.xlsx");
        var times = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path))
            {
                await RegisterExport.WriteAsync(file, "登记", "登记表", Columns, Rows(rows));
            }

            watch.Stop();
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // run 0 is the warm-up
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Register export, {rows:N0} rows × {Columns.Length} columns ({new FileInfo(path).Length / 1024.0 / 1024:0.0} MB file), {runs} runs: median {Median(times):N0} ms, min {times.Min():N0} ms, max {times.Max():N0} ms; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:N0} MB (target < 2,000 ms, < 150 MB)"));
    }

    private static async Task MonthlyAsync(int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "civilaffairs-bench-demo");
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = folder,
            ["Database:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddDataProtection();
        builder.Services.AddCivilAffairsCore(builder.Configuration, folder);
        using var host = builder.Build();
        await host.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(CancellationToken.None);

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = UserContext.System;
        var data = scope.ServiceProvider.GetRequiredService<ReportDataService>();
        var period = new Period(2026, 10);
        var options = new ReportOptions { ApprovalNumber = "国统制〔2024〕58号", ValidUntil = "2027年1月" };
        var signature = new ReportSignature("基准测试", new DateOnly(2026, 11, 5));

        var fonts = PdfFonts.Load();
        var figures = await data.MonthlyAsync(period, "652700");
        var report = new MonthlyReport(figures, options, signature);
        var first = report.ToPdf(fonts);
        var (pdfBytes, pdfPages) = (first.Length, PageCount(first));
        var xlsxBytes = report.ToExcel().Length;

        var compute = await TimeAsync(runs, async () => await data.MonthlyAsync(period, "652700"));
        var pdfTimes = await TimeAsync(runs, () => Task.FromResult(report.ToPdf(fonts)));
        var excelTimes = await TimeAsync(runs, () => Task.FromResult(report.ToExcel()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Monthly report, prefecture, 2026-10, demo data ({figures.Figures.Count} indicators, {figures.BreakdownColumns.Count} breakdown columns), {runs} runs after 2 warm-ups:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  figures from the engine: median {Median(compute):N1} ms, min {compute.Min():N1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PDF  ({pdfBytes / 1024.0:N0} KB, {pdfPages} pages): median {Median(pdfTimes):N1} ms, min {pdfTimes.Min():N1} ms (target < 300 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Excel ({xlsxBytes / 1024.0:N0} KB): median {Median(excelTimes):N1} ms, min {excelTimes.Min():N1} ms (target < 300 ms)"));
    }

    // Counts /Type /Page objects: enough for a report of a few pages without a PDF reader here.
    private static int PageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    private static async Task<List<double>> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        for (var i = 0; i < 2; i++)
        {
            await action();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
