using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Reports.Documents;
using CivilAffairs.Reports.Pdf;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Portal.Reporting;

/// <summary>A produced report file with its download name.</summary>
public sealed record ReportFile(byte[] Content, string FileName, string ContentType, int? SubmissionNumber = null);

public enum ReportKind
{
    Monthly,
    Kpi,
    Funding,
}

/// <summary>
/// The statisticians' workflow: figures from the indicator engine, documents from Reports, and the
/// submission store. Rendering runs on the thread pool so a circuit stays responsive, and a
/// submitted month is always served from the stored files.
/// </summary>
public sealed class ReportWorkflow(
    ReportDataService data, SubmissionService submissions, IOptions<ReportOptions> options, ICurrentUser currentUser, TimeProvider clock, IServiceProvider services)
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Task<MonthlyReportData> PreviewAsync(Period period, string divisionCode, CancellationToken cancellationToken = default) =>
        data.MonthlyAsync(period, divisionCode, cancellationToken);

    /// <summary>The monthly report's document for figures, signed by the current user today.</summary>
    public MonthlyReport Document(MonthlyReportData figures) =>
        new(figures, options.Value, new ReportSignature(currentUser.User.DisplayName, ChinaTime.Today(clock)));

    /// <summary>
    /// A report file. For the monthly report: the stored file of <paramref name="number"/>, or of the
    /// submitted version when the month is locked, otherwise a fresh one.
    /// </summary>
    public async Task<ReportFile> FileAsync(ReportKind kind, Period period, string divisionCode, ReportFormat format, int? number = null, CancellationToken cancellationToken = default)
    {
        var division = DivisionCatalog.NameOf(divisionCode);
        if (kind == ReportKind.Monthly)
        {
            var versions = await submissions.ListAsync(period, divisionCode, cancellationToken);
            var stored = number is { } n
                ? versions.FirstOrDefault(v => v.Number == n) ?? throw new DomainException($"没有第{n}版报送记录。")
                : versions.FirstOrDefault(v => v.State == SubmissionState.Submitted);
            if (stored is not null)
            {
                var file = await submissions.FileAsync(stored.Id, format, cancellationToken) ?? throw new DomainException("报送文件不存在。");
                return new ReportFile(file.Content, FileName(division, period, MonthlyReport.Title, format, stored.Number), ContentType(format), stored.Number);
            }

            var figures = await data.MonthlyAsync(period, divisionCode, cancellationToken);
            var document = Document(figures);
            return new ReportFile(await RenderAsync(() => format == ReportFormat.Pdf ? document.ToPdf(Fonts()) : document.ToExcel()),
                FileName(division, period, MonthlyReport.Title, format), ContentType(format));
        }

        if (kind == ReportKind.Kpi)
        {
            var report = new KpiReport(await data.KpisAsync(period, divisionCode, cancellationToken), options.Value);
            return new ReportFile(await RenderAsync(() => format == ReportFormat.Pdf ? report.ToPdf(Fonts()) : report.ToExcel()),
                FileName(division, period, KpiReport.Title, format), ContentType(format));
        }

        var funding = new FundingReport(await data.FundingAsync(period, divisionCode, cancellationToken), options.Value);
        return new ReportFile(await RenderAsync(() => format == ReportFormat.Pdf ? funding.ToPdf(Fonts()) : funding.ToExcel()),
            FileName(division, period, FundingReport.Title, format), ContentType(format));
    }

    /// <summary>
    /// Submits the previewed figures. Inside the submission's transaction they are computed again:
    /// if anything differs from the preview (this month, last month, last year or any breakdown row),
    /// nothing is submitted and the user is asked to preview again; otherwise both files are rendered
    /// from the fresh figures and stored with them.
    /// </summary>
    public Task<int> SubmitAsync(MonthlyReportData previewed, IReadOnlyDictionary<string, string> explanations, CancellationToken cancellationToken = default) =>
        submissions.SubmitAsync(previewed.Period, previewed.DivisionCode, async token =>
        {
            var fresh = await data.MonthlyAsync(previewed.Period, previewed.DivisionCode, token);
            if ((previewed with { GeneratedAt = fresh.GeneratedAt }).ToJson() != fresh.ToJson())
            {
                throw new DomainException("预览之后数据已发生变化，请重新预览、核对后再报送。");
            }

            var document = Document(fresh);
            var (pdf, excel) = await RenderAsync(() => (document.ToPdf(Fonts()), document.ToExcel()));
            return new ReportToSubmit(fresh, pdf, excel, await QualityAsync(fresh, token));
        }, explanations, cancellationToken);

    /// <summary>The 数据质量 counts of the report's month and division: the validation shows each check with findings as a warning.</summary>
    public Task<IReadOnlyList<CivilAffairs.Core.Quality.QualityCount>> QualityAsync(MonthlyReportData report, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<CivilAffairs.Core.Quality.DataQualityService>().CountAsync(report.Period, report.DivisionCode, cancellationToken);

    /// <summary>"博尔塔拉蒙古自治州_2026年10月_民政统计月报_第1版.pdf".</summary>
    public static string FileName(string division, Period period, string title, ReportFormat format, int? number = null) =>
        $"{division}_{period.ChineseName}_{title}{(number is { } n ? $"_第{n}版" : string.Empty)}.{(format == ReportFormat.Pdf ? "pdf" : "xlsx")}";

    public static string ContentType(ReportFormat format) => format == ReportFormat.Pdf ? PdfType : XlsxType;

    // Layout is CPU work: keep it off the circuit's synchronisation context.
    private static Task<T> RenderAsync<T>(Func<T> render) => Task.Run(render);

    // Resolved on first PDF only: without a Chinese font the portal still runs, and the user is told what to install.
    private PdfFonts Fonts()
    {
        try
        {
            return services.GetRequiredService<PdfFonts>();
        }
        catch (ChineseFontNotFoundException ex)
        {
            throw new DomainException(ex.Message, ex);
        }
    }
}
