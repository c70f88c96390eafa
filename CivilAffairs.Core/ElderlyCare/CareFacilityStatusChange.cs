using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>
/// 设施状态变更: a facility's status changed from <see cref="From"/> to <see cref="To"/> on <see cref="EffectiveOn"/>
/// (e.g. 建设中 → 运营中 when it opens, 运营中 → 停用 when it closes). The history answers "was it operating at the end
/// of that month", so closing a facility today does not change a past month's figures. Locked by its own date.
/// </summary>
public sealed class CareFacilityStatusChange : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    public const int NoteMaxLength = 200;

    DateOnly? Reporting.IPeriodDated.ReportingDate => EffectiveOn;

    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public int FacilityId { get; set; }

    public CareFacility? Facility { get; set; }

    /// <summary>The facility's division (kept equal to it: the change is visible where the facility is).</summary>
    public string DivisionCode { get; set; } = string.Empty;

    public FacilityStatus From { get; set; }

    public FacilityStatus To { get; set; }

    /// <summary>The day the new status took effect.</summary>
    public DateOnly EffectiveOn { get; set; }

    public string? Note { get; set; }

    public void Validate(DateOnly today)
    {
        if (!Enum.IsDefined(From) || !Enum.IsDefined(To))
        {
            throw new DomainException("请选择设施状态。");
        }

        if (From == To)
        {
            throw new DomainException("状态未改变，无需登记状态变更。");
        }

        if (EffectiveOn > today)
        {
            throw new DomainException("状态变更日期不能晚于今天。");
        }

        if (EffectiveOn.Year < Numbers.FirstYear)
        {
            throw new DomainException($"状态变更日期不能早于 {Numbers.FirstYear} 年。");
        }

        if (Note?.Length > NoteMaxLength)
        {
            throw new DomainException($"变更说明不能超过 {NoteMaxLength} 个字。");
        }
    }
}

/// <summary>
/// The one predicate behind the facility indicators and the list behind their tiles: a facility counts at
/// a day when it had opened by then and its status on that day was 运营中. The status on a day is the
/// target of the latest change on or before it; before its first change, that change's origin; a facility
/// without any recorded change has always had its current status.
/// </summary>
public static class FacilityOperation
{
    public static IQueryable<CareFacility> OperatingOn(this IQueryable<CareFacility> facilities, Data.CivilAffairsDbContext db, DateOnly day)
    {
        var changes = db.CareFacilityStatusChanges;
        return facilities.Where(f => (f.OpenedOn == null || f.OpenedOn <= day)
            && (changes.Where(c => c.FacilityId == f.Id && c.EffectiveOn <= day).OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.Id).Select(c => (FacilityStatus?)c.To).FirstOrDefault()
                ?? changes.Where(c => c.FacilityId == f.Id).OrderBy(c => c.EffectiveOn).ThenBy(c => c.Id).Select(c => (FacilityStatus?)c.From).FirstOrDefault()
                ?? f.Status) == FacilityStatus.Operating);
    }
}
