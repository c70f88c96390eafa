using System.Security.Cryptography;
using System.Text.Json;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Reporting;

/// <summary>A submitted version as listed on the page (no file bytes).</summary>
public sealed record SubmissionRow(
    int Id, Guid Version, int Number, string DivisionCode, int Period, SubmissionState State,
    DateTimeOffset SubmittedAt, string SubmittedBy, string PdfSha256, string ExcelSha256, int PdfBytes, int ExcelBytes,
    DateTimeOffset? ReopenedAt, string? ReopenedBy, string? ReopenReason);

/// <summary>A report ready to be stored: its figures, the two files drawn from them and the data-quality counts its warnings include.</summary>
public sealed record ReportToSubmit(MonthlyReportData Report, byte[] Pdf, byte[] Excel, IReadOnlyList<Quality.QualityCount>? Quality = null);

/// <summary>A stored file of a submitted version.</summary>
public sealed record SubmittedFile(byte[] Content, string Sha256, int Number);

/// <summary>A figure that differs between two versions (division name is the report's own or a breakdown row).</summary>
public sealed record FigureDifference(string Code, string Name, string DivisionName, decimal? Before, decimal? After);

/// <summary>
/// Submission and locking of monthly reports: a statistician submits a validated report (the month
/// is then locked for the division), the exact files are kept and served again later, an
/// administrator reopens a month with a reason, and a resubmission is the next version.
/// </summary>
public sealed class SubmissionService(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MinExplanationLength = 5;

    public async Task<IReadOnlyList<SubmissionRow>> ListAsync(Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        RequireScope(divisionCode);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = period.Key;
        return await db.ReportSubmissions.AsNoTracking()
            .Where(s => s.ReportKind == ReportSubmission.MonthlyKind && s.DivisionCode == divisionCode && s.Period == key)
            .OrderByDescending(s => s.Number)
            .Select(s => new SubmissionRow(s.Id, s.Version, s.Number, s.DivisionCode, s.Period, s.State,
                s.SubmittedAt, s.SubmittedBy, s.PdfSha256, s.ExcelSha256, s.Pdf.Length, s.Excel.Length, s.ReopenedAt, s.ReopenedBy, s.ReopenReason))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The submitted (locked) version of the month for the division, if any.</summary>
    public async Task<SubmissionRow?> ActiveAsync(Period period, string divisionCode, CancellationToken cancellationToken = default) =>
        (await ListAsync(period, divisionCode, cancellationToken)).FirstOrDefault(s => s.State == SubmissionState.Submitted);

    public async Task<SubmittedFile?> FileAsync(int id, ReportFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return format == ReportFormat.Pdf
            ? await db.ReportSubmissions.AsNoTracking().Where(s => s.Id == id).Select(s => new SubmittedFile(s.Pdf, s.PdfSha256, s.Number)).SingleOrDefaultAsync(cancellationToken)
            : await db.ReportSubmissions.AsNoTracking().Where(s => s.Id == id).Select(s => new SubmittedFile(s.Excel, s.ExcelSha256, s.Number)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<MonthlyReportData?> FiguresAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var json = await db.ReportSubmissions.AsNoTracking().Where(s => s.Id == id).Select(s => s.FiguresJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : MonthlyReportData.FromJson(json);
    }

    /// <summary>Submits figures already rendered (tests, or callers that hold the files).</summary>
    public Task<int> SubmitAsync(
        MonthlyReportData report, byte[] pdf, byte[] excel, IReadOnlyDictionary<string, string> explanations, CancellationToken cancellationToken = default) =>
        SubmitAsync(report.Period, report.DivisionCode, _ => Task.FromResult(new ReportToSubmit(report, pdf, excel)), explanations, cancellationToken);

    /// <summary>
    /// Submits the month's report: <paramref name="produce"/> computes and renders it inside the
    /// submission's transaction, so no record of the month can be saved between the figures and the
    /// lock. Validation errors block it, every warning needs an explanation, and a month already
    /// submitted for the division must be reopened first. Returns the version number.
    /// </summary>
    public async Task<int> SubmitAsync(
        Period period, string divisionCode, Func<CancellationToken, Task<ReportToSubmit>> produce, IReadOnlyDictionary<string, string> explanations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentNullException.ThrowIfNull(explanations);
        var user = currentUser.User;
        if (!user.IsInRole(Roles.Statistician))
        {
            throw new AccessDeniedException("只有统计人员可以报送统计报表。");
        }

        RequireScope(divisionCode);
        if (period >= Period.Of(ChinaTime.Today(clock)))
        {
            throw new DomainException($"{period.ChineseName}尚未结束，不能报送。");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // SQLite: BEGIN IMMEDIATE takes the write lock now; SQL Server: an exclusive application lock. Saves of records wait until the submission is committed.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReportLock.ExclusiveAsync(db, cancellationToken);
        var key = period.Key;
        var existing = await db.ReportSubmissions.AsNoTracking()
            .Where(s => s.ReportKind == ReportSubmission.MonthlyKind && s.DivisionCode == divisionCode && s.Period == key)
            .Select(s => new { s.Number, s.State })
            .ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(s => s.State == SubmissionState.Submitted) is { } active)
        {
            throw new DomainException($"{DivisionCatalog.NameOf(divisionCode)}{period.ChineseName}的报表已报送（第{active.Number}版），不能重复报送；如需更正，请由系统管理员退回。");
        }

        var (report, pdf, excel, quality) = await produce(cancellationToken);
        if (report.PeriodKey != key || report.DivisionCode != divisionCode)
        {
            throw new InvalidOperationException("The produced report is for another month or division.");
        }

        var kept = Explained(report, quality, explanations);
        var submission = new ReportSubmission
        {
            DivisionCode = divisionCode,
            Period = key,
            Number = existing.Count == 0 ? 1 : existing.Max(s => s.Number) + 1,
            State = SubmissionState.Submitted,
            SubmittedAt = clock.GetUtcNow(),
            SubmittedBy = user.UserName,
            FiguresJson = report.ToJson(),
            ExplanationsJson = JsonSerializer.Serialize(kept),
            Pdf = pdf,
            Excel = excel,
            PdfSha256 = Sha256(pdf),
            ExcelSha256 = Sha256(excel),
        };
        db.ReportSubmissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException("报送失败：该月报表可能刚刚已被他人报送，请刷新后查看报送记录。", ex);
        }

        return submission.Number;
    }

    // Errors block the submission; each warning needs an explanation, which is kept with it.
    private static Dictionary<string, string> Explained(MonthlyReportData report, IReadOnlyList<Quality.QualityCount>? quality, IReadOnlyDictionary<string, string> explanations)
    {
        var findings = ReportValidation.Validate(report, quality);
        if (findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error) is { } error)
        {
            throw new DomainException($"报表存在{findings.Count(f => f.Severity == FindingSeverity.Error)}项错误，不能报送：{error.Message}");
        }

        var kept = new Dictionary<string, string>();
        foreach (var warning in findings.Where(f => f.Severity == FindingSeverity.Warning))
        {
            var text = explanations.GetValueOrDefault(warning.Key)?.Trim();
            if (text is null || text.Length < MinExplanationLength)
            {
                throw new DomainException($"请说明预警原因（至少{MinExplanationLength}个字）：{warning.Message}");
            }

            kept[warning.Key] = text;
        }

        return kept;
    }

    /// <summary>Reopens a submitted month (administrators only, with a reason); the month is unlocked.</summary>
    public async Task ReopenAsync(int id, Guid version, string reason, CancellationToken cancellationToken = default)
    {
        if (!currentUser.User.IsInRole(Roles.Administrator))
        {
            throw new AccessDeniedException("只有系统管理员可以退回已报送的报表。");
        }

        reason = reason?.Trim() ?? string.Empty;
        if (reason.Length < MinExplanationLength || reason.Length > ReportSubmission.ReasonMaxLength)
        {
            throw new DomainException($"请填写退回原因（{MinExplanationLength}至{ReportSubmission.ReasonMaxLength}个字）。");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var submission = await db.ReportSubmissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainException("该报表不存在，或不在您的管辖范围内。");
        if (submission.State != SubmissionState.Submitted)
        {
            throw new DomainException("该版本已被退回，无需再次退回。");
        }

        // A later submitted month covering the same records keeps this month locked: reopen that one first.
        var scope = DivisionScope.For(submission.DivisionCode);
        var later = (await db.ReportSubmissions.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.State == SubmissionState.Submitted && s.Period > submission.Period)
                .Select(s => new { s.DivisionCode, s.Period })
                .ToListAsync(cancellationToken))
            .Where(s => scope.Contains(s.DivisionCode) || DivisionScope.For(s.DivisionCode).Contains(submission.DivisionCode))
            .OrderByDescending(s => s.Period)
            .FirstOrDefault();
        if (later is not null)
        {
            throw new DomainException($"{DivisionCatalog.NameOf(later.DivisionCode)}{Common.Period.FromKey(later.Period).ChineseName}的报表仍为已报送状态，请先退回该月报表，再退回{submission.ReportPeriod.ChineseName}。");
        }

        db.Entry(submission).Property(s => s.Version).OriginalValue = version;
        submission.State = SubmissionState.Reopened;
        submission.ReopenedAt = clock.GetUtcNow();
        submission.ReopenedBy = currentUser.User.UserName;
        submission.ReopenReason = reason;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex);
        }
    }

    /// <summary>The figures that differ between two versions, for the report's division and every breakdown row.</summary>
    public async Task<IReadOnlyList<FigureDifference>> CompareAsync(int olderId, int newerId, CancellationToken cancellationToken = default)
    {
        var older = await FiguresAsync(olderId, cancellationToken) ?? throw new DomainException("该报表不存在，或不在您的管辖范围内。");
        var newer = await FiguresAsync(newerId, cancellationToken) ?? throw new DomainException("该报表不存在，或不在您的管辖范围内。");
        return Compare(older, newer);
    }

    public static IReadOnlyList<FigureDifference> Compare(MonthlyReportData older, MonthlyReportData newer)
    {
        static IEnumerable<(string Key, string Code, string Name, string Division, decimal? Value)> Flatten(MonthlyReportData data) =>
            data.Figures.SelectMany(f => f.Breakdown.Select(b => ($"{f.Code}|{b.DivisionCode}|{b.DivisionName}", f.Code, f.Name, b.DivisionName, b.Value))
                .Prepend(($"{f.Code}", f.Code, f.Name, data.DivisionName, f.Current)));

        var before = Flatten(older).ToDictionary(x => x.Key);
        var after = Flatten(newer).ToDictionary(x => x.Key);
        return [.. before.Keys.Union(after.Keys)
            .Select(k => (Before: before.GetValueOrDefault(k), After: after.GetValueOrDefault(k)))
            .Where(p => p.Before.Value != p.After.Value)
            .Select(p => p.After.Code is null
                ? new FigureDifference(p.Before.Code, p.Before.Name, p.Before.Division, p.Before.Value, null)
                : new FigureDifference(p.After.Code, p.After.Name, p.After.Division, p.Before.Code is null ? null : p.Before.Value, p.After.Value))];
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private void RequireScope(string divisionCode)
    {
        var division = DivisionCatalog.Find(divisionCode) ?? throw new DomainException("行政区划不存在。");
        if (!currentUser.User.Scope.Contains(division.Code))
        {
            throw new AccessDeniedException($"{division.Name}不在您的管辖范围（{currentUser.User.Scope.Name}）内。");
        }
    }
}

public enum ReportFormat
{
    Pdf,
    Excel,
}
