using System.Globalization;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Portal.Reporting;

/// <summary>
/// Produces reports without the UI, for scheduled jobs:
/// <c>dotnet run --project CivilAffairs.Portal -- report monthly --period 2026-10 --division 652700 --format pdf --out ./out/</c>.
/// Uses the portal's configuration and database, acts as the system account (prefecture scope),
/// and writes the same files the download buttons give (a submitted month: the stored files).
/// </summary>
internal static class ReportCommand
{
    public const string Usage = """
        用法 / usage:
          report <monthly|kpi|funding> --period yyyy-mm [--division 652700] [--format pdf|xlsx|both] [--out 目录]
        例 / example:
          dotnet run --project CivilAffairs.Portal -- report monthly --period 2026-10 --division 652700 --format pdf --out ./out/
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "report";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var request, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = ContentRoot() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.AddCivilAffairsPortal();
        await using var app = builder.Build();
        await app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = UserContext.System;
        var workflow = scope.ServiceProvider.GetRequiredService<ReportWorkflow>();
        Directory.CreateDirectory(request.Output);
        try
        {
            foreach (var format in request.Formats)
            {
                var file = await workflow.FileAsync(request.Kind, request.Period, request.Division, format);
                var path = Path.Combine(request.Output, file.FileName);
                await File.WriteAllBytesAsync(path, file.Content);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}  {file.Content.Length:N0} bytes  sha256 {SubmissionService.Sha256(file.Content)}{(file.SubmissionNumber is { } n ? $"  (submitted version {n})" : string.Empty)}"));
            }
        }
        catch (DomainException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        return 0;
    }

    private sealed record Request(ReportKind Kind, Period Period, string Division, IReadOnlyList<ReportFormat> Formats, string Output);

    private static bool TryParse(string[] args, out Request request, out string problem)
    {
        request = default!;
        problem = string.Empty;
        if (args.Length < 2 || !Enum.TryParse<ReportKind>(args[1], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            problem = "请指定报表：monthly、kpi 或 funding。";
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 2; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"无法识别的参数：{args[i]}";
                return false;
            }

            options[args[i][2..]] = args[++i];
        }

        if (!Period.TryParse(options.GetValueOrDefault("period"), out var period))
        {
            problem = "请用 --period 指定报告期，如 2026-10。";
            return false;
        }

        var division = options.GetValueOrDefault("division") ?? DivisionCatalog.PrefectureCode;
        if (DivisionCatalog.Find(division) is null)
        {
            problem = $"行政区划代码不存在：{division}";
            return false;
        }

        ReportFormat[]? formats = options.GetValueOrDefault("format")?.ToLowerInvariant() switch
        {
            null or "both" => [ReportFormat.Pdf, ReportFormat.Excel],
            "pdf" => [ReportFormat.Pdf],
            "xlsx" or "excel" => [ReportFormat.Excel],
            _ => null,
        };
        if (formats is null)
        {
            problem = "--format 只能是 pdf、xlsx 或 both。";
            return false;
        }

        request = new Request(kind, period, division, formats, Path.GetFullPath(options.GetValueOrDefault("out") ?? "."));
        return true;
    }

    // `dotnet run --project CivilAffairs.Portal` starts in the caller's directory; configuration and the
    // embedded database live beside the project (or beside the published binaries).
    private static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, "appsettings.json")))
        {
            return current;
        }

        var project = Path.Combine(current, "CivilAffairs.Portal");
        return File.Exists(Path.Combine(project, "appsettings.json")) ? project : AppContext.BaseDirectory;
    }
}
