using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>A list filter shared by the support-programme lists; <see cref="Kind"/> is the list's own type filter (enum name).</summary>
public sealed record SupportFilter(string? Text = null, string? DivisionCode = null, DateOnly? From = null, DateOnly? To = null, string? Kind = null)
{
    public TEnum? KindAs<TEnum>()
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(Kind, out var value) ? value : null;
}

public sealed record PointRow(int Id, Guid Version, string Name, string DivisionCode, bool Active)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed record TierRow(int Id, Guid Version, string Name, decimal MinAmount, decimal MaxAmount, bool Active)
{
    public string Label => $"{Name}（{MinAmount:0.##}–{MaxAmount:0.##} 元）";
}

public sealed record SubsidyStandardRow(int Id, Guid Version, int EffectiveYear, decimal YearlyAmount);

/// <summary>
/// Reference data of the support programmes: assistance points, temporary-assistance tiers and the
/// 安心助养 standards. Everyone may read them; only administrators change them (the write guard refuses others).
/// </summary>
public sealed class SupportReferenceService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<PointRow>> PointsAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.AssistancePoints.AsNoTracking().Where(p => !activeOnly || p.Active).OrderBy(p => p.DivisionCode).ThenBy(p => p.Name)
            .Select(p => new PointRow(p.Id, p.Version, p.Name, p.DivisionCode, p.Active)).ToListAsync(cancellationToken);
    }

    public async Task SavePointAsync(PointRow row, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var point = row.Id == 0 ? db.AssistancePoints.Add(new AssistancePoint()).Entity
            : await db.AssistancePoints.FirstOrDefaultAsync(p => p.Id == row.Id, cancellationToken) ?? throw new DomainException("该救助点不存在。");
        if (row.Id != 0)
        {
            db.Entry(point).Property(p => p.Version).OriginalValue = row.Version;
        }

        if (DivisionCatalog.Find(row.DivisionCode) is null)
        {
            throw new DomainException("请选择有效的行政区划。");
        }

        (point.Name, point.DivisionCode, point.Active) = (row.Name.Trim(), row.DivisionCode, row.Active);
        point.Validate();
        if (await db.AssistancePoints.AnyAsync(p => p.Id != row.Id && p.Name == point.Name, cancellationToken))
        {
            throw new DomainException("已有同名的救助点。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TierRow>> TiersAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.AssistanceTiers.AsNoTracking().Where(t => !activeOnly || t.Active)
            .Select(t => new TierRow(t.Id, t.Version, t.Name, t.MinAmount, t.MaxAmount, t.Active)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(t => t.MinAmount).ThenBy(t => t.Name)];
    }

    public async Task SaveTierAsync(TierRow row, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var tier = row.Id == 0 ? db.AssistanceTiers.Add(new AssistanceTier()).Entity
            : await db.AssistanceTiers.FirstOrDefaultAsync(t => t.Id == row.Id, cancellationToken) ?? throw new DomainException("该档次不存在。");
        if (row.Id != 0)
        {
            db.Entry(tier).Property(t => t.Version).OriginalValue = row.Version;
        }

        (tier.Name, tier.MinAmount, tier.MaxAmount, tier.Active) = (row.Name.Trim(), row.MinAmount, row.MaxAmount, row.Active);
        tier.Validate();
        if (await db.AssistanceTiers.AnyAsync(t => t.Id != row.Id && t.Name == tier.Name, cancellationToken))
        {
            throw new DomainException("已有同名的档次。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SubsidyStandardRow>> SubsidyStandardsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.CareSubsidyStandards.AsNoTracking().OrderByDescending(s => s.EffectiveYear)
            .Select(s => new SubsidyStandardRow(s.Id, s.Version, s.EffectiveYear, s.YearlyAmount)).ToListAsync(cancellationToken);
    }

    public async Task SaveSubsidyStandardAsync(SubsidyStandardRow row, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var standard = row.Id == 0 ? db.CareSubsidyStandards.Add(new CareSubsidyStandard()).Entity
            : await db.CareSubsidyStandards.FirstOrDefaultAsync(s => s.Id == row.Id, cancellationToken) ?? throw new DomainException("该标准不存在。");
        if (row.Id != 0)
        {
            db.Entry(standard).Property(s => s.Version).OriginalValue = row.Version;
        }

        (standard.EffectiveYear, standard.YearlyAmount) = (row.EffectiveYear, row.YearlyAmount);
        standard.Validate(clock.Today());
        if (await db.CareSubsidyStandards.AnyAsync(s => s.Id != row.Id && s.EffectiveYear == row.EffectiveYear, cancellationToken))
        {
            throw new DomainException("该年度已有安心助养补贴标准。");
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
