using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;

namespace CivilAffairs.Core.SocialAffairs;

/// <summary>The items a 身后一件事 case may handle together (one application instead of a visit to each office).</summary>
[Flags]
public enum AfterDeathItems
{
    None = 0,

    /// <summary>户籍注销.</summary>
    HouseholdRegistration = 1,

    /// <summary>养老金停发.</summary>
    PensionStop = 2,

    /// <summary>丧葬补助.</summary>
    FuneralSubsidy = 4,

    /// <summary>遗属待遇.</summary>
    SurvivorBenefits = 8,

    /// <summary>医保停保.</summary>
    MedicalInsuranceStop = 16,

    /// <summary>民政津补贴停发 (高龄津贴, 低保, 特困, 残疾人补贴 …).</summary>
    AllowanceStop = 32,

    /// <summary>火化/殡葬服务.</summary>
    FuneralService = 64,
}

public static class AfterDeathItemNames
{
    public static IReadOnlyList<AfterDeathItems> Each { get; } = [.. Enum.GetValues<AfterDeathItems>().Where(i => i != AfterDeathItems.None)];

    public static string ChineseName(this AfterDeathItems item) => item switch
    {
        AfterDeathItems.HouseholdRegistration => "户籍注销",
        AfterDeathItems.PensionStop => "养老金停发",
        AfterDeathItems.FuneralSubsidy => "丧葬补助",
        AfterDeathItems.SurvivorBenefits => "遗属待遇",
        AfterDeathItems.MedicalInsuranceStop => "医保停保",
        AfterDeathItems.AllowanceStop => "民政津补贴停发",
        AfterDeathItems.FuneralService => "殡葬服务",
        AfterDeathItems.None => "无",
        _ => string.Join("、", Each.Where(i => item.HasFlag(i)).Select(i => i.ChineseName())),
    };

    public static int CountOf(AfterDeathItems items) => Each.Count(i => items.HasFlag(i));
}

/// <summary>
/// 身后一件事: one case for a deceased person, with the items applied for and those completed. Saving it
/// marks the person deceased (the allowance batches then stop from the month after the death).
/// </summary>
public sealed class DeathCase : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int ApplicantMaxLength = 50;
    public const int NoteMaxLength = 200;

    // Counted when applied, when completed and by the death's month; the applicant's name and the note feed no figure,
    // so a case applied in a submitted month can still be completed in an open one.
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(AppliedOn), [nameof(DivisionCode), nameof(PersonId), nameof(Items), nameof(BaselineDays)]),
        (nameof(CompletedOn), [nameof(CompletedItems), nameof(ProcessingDays)]),
        (nameof(DateOfDeath), []));

    DateOnly? IPeriodDated.ReportingDate => AppliedOn;

    IEnumerable<DateOnly?> IPeriodDated.ReportingDates => [AppliedOn, CompletedOn, DateOfDeath];

    IReadOnlyDictionary<string, string>? IPeriodDated.FigureDates => Figures;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The person's division of residence at the time of recording.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly DateOfDeath { get; set; }

    /// <summary>Family member or agent who applied (经办家属).</summary>
    public string Applicant { get; set; } = string.Empty;

    public DateOnly AppliedOn { get; set; }

    /// <summary>Items applied for.</summary>
    public AfterDeathItems Items { get; set; }

    /// <summary>Items completed (a subset of <see cref="Items"/>).</summary>
    public AfterDeathItems CompletedItems { get; set; }

    /// <summary>办结日期: set when every item applied for is completed.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Working days from application to completion (computed).</summary>
    public int? ProcessingDays { get; set; }

    /// <summary>The working days the same items took before the reform (from configuration when recorded), for the reduction indicator.</summary>
    public int BaselineDays { get; set; }

    public string? Note { get; set; }

    /// <summary>Checks the dates and items and computes the processing days (in the official calendar's working days); the message says what to change.</summary>
    public void Validate(DateOnly birthDate, DateOnly today, WorkingCalendar? calendar = null)
    {
        if (DateOfDeath == default || DateOfDeath > today)
        {
            throw new DomainException("请填写死亡日期（不晚于今天）。");
        }

        if (DateOfDeath < birthDate)
        {
            throw new DomainException("死亡日期不能早于出生日期。");
        }

        if (string.IsNullOrWhiteSpace(Applicant) || Applicant.Trim().Length > ApplicantMaxLength)
        {
            throw new DomainException($"请填写申请人（不超过 {ApplicantMaxLength} 个字）。");
        }

        if (AppliedOn == default || AppliedOn > today)
        {
            throw new DomainException("请填写申请日期（不晚于今天）。");
        }

        if (AppliedOn < DateOfDeath)
        {
            throw new DomainException("申请日期不能早于死亡日期。");
        }

        if (Items == AfterDeathItems.None)
        {
            throw new DomainException("请至少选择一个办理事项。");
        }

        if ((CompletedItems & ~Items) != AfterDeathItems.None)
        {
            throw new DomainException("已办结事项须是申请办理的事项。");
        }

        if (CompletedOn is { } done)
        {
            if (done < AppliedOn || done > today)
            {
                throw new DomainException("办结日期须在申请日期之后，且不晚于今天。");
            }

            if (CompletedItems != Items)
            {
                throw new DomainException("仍有事项未办结，不能填写办结日期。");
            }

            ProcessingDays = WorkingDays.Between(AppliedOn, done, calendar);
        }
        else
        {
            ProcessingDays = null;
        }

        if (Note is { Length: > NoteMaxLength })
        {
            throw new DomainException($"备注不能超过 {NoteMaxLength} 个字。");
        }
    }
}
