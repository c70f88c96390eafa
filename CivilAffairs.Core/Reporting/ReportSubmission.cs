using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;

namespace CivilAffairs.Core.Reporting;

/// <summary>
/// A record that falls into one reporting month (a visit, a payment, a training session). Once the
/// month is submitted for its division, such records cannot be added, changed or deleted until an
/// administrator reopens the month.
/// </summary>
public interface IPeriodDated
{
    /// <summary>The day that places the record in a reporting month; null when it has none yet.</summary>
    DateOnly? ReportingDate { get; }

    /// <summary>
    /// Every day that places the record in a reporting month. Most records have one; an entry of a
    /// register that figures count by date may have more (registered on, deregistered on, died on).
    /// </summary>
    IEnumerable<DateOnly?> ReportingDates => [ReportingDate];

    /// <summary>
    /// For an entry that stays in a register for years: the properties whose change moves a figure,
    /// each with the date property from which the change counts (a status counts from the day it
    /// changed; the type or division from the day of registration). Properties not named feed no
    /// figure and may be edited in any month. Null (the default): any change counts from all dates.
    /// </summary>
    IReadOnlyDictionary<string, string>? FigureDates => null;
}

/// <summary>Builds <see cref="IPeriodDated.FigureDates"/>: each date with the properties whose change counts from it.</summary>
public static class FigureDates
{
    public static IReadOnlyDictionary<string, string> Of(params (string Date, string[] Properties)[] groups) =>
        groups.SelectMany(g => g.Properties.Append(g.Date).Select(p => (Property: p, g.Date))).ToDictionary(x => x.Property, x => x.Date);
}

/// <summary>Submissions: statisticians create them, administrators reopen them, nobody deletes them.</summary>
public interface IReportingRecord;

public enum SubmissionState
{
    /// <summary>已报送: the month is locked for the division.</summary>
    Submitted,

    /// <summary>已退回: an administrator reopened the month; a resubmission becomes the next version.</summary>
    Reopened,
}

/// <summary>
/// One submitted version of a division's monthly report, stored exactly as it was sent: the PDF and
/// Excel bytes, the figures they show, the explanations given for warnings, and SHA-256 hashes.
/// </summary>
public sealed class ReportSubmission : Entity, IDivisionScoped, IReportingRecord
{
    public const string MonthlyKind = "monthly";
    public const int ReasonMaxLength = 500;

    public string ReportKind { get; set; } = MonthlyKind;

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>yyyymm.</summary>
    public int Period { get; set; }

    /// <summary>1 for the first submission of the month, then 2, 3… after each reopening.</summary>
    public int Number { get; set; }

    public SubmissionState State { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    /// <summary>The figures as JSON (<see cref="MonthlyReportData"/>), for comparing versions.</summary>
    public string FiguresJson { get; set; } = string.Empty;

    /// <summary>Explanations of warnings, as JSON (finding key → text).</summary>
    public string ExplanationsJson { get; set; } = "{}";

    public byte[] Pdf { get; set; } = [];

    public byte[] Excel { get; set; } = [];

    public string PdfSha256 { get; set; } = string.Empty;

    public string ExcelSha256 { get; set; } = string.Empty;

    public DateTimeOffset? ReopenedAt { get; set; }

    public string? ReopenedBy { get; set; }

    public string? ReopenReason { get; set; }

    public Period ReportPeriod => Common.Period.FromKey(Period);

    public string DivisionName => DivisionCatalog.Find(DivisionCode)?.Name ?? DivisionCode;
}
