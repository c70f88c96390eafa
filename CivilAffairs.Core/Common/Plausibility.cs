using System.Globalization;

namespace CivilAffairs.Core.Common;

/// <summary>
/// The range a typed amount or count may take. Outside the hard limits the value is refused (a lottery
/// sale of 0, a donation of a trillion 元); above <see cref="SoftMax"/> it is possible but unusual, and the
/// form asks the user to confirm before saving rather than saving silently.
/// </summary>
/// <param name="Field">The field's Chinese name, as the messages say it.</param>
/// <param name="Unit">元, 元/人·月, 张 …</param>
/// <param name="HardMax">The largest value accepted at all.</param>
/// <param name="SoftMax">Values above it need a confirmation; null when none does.</param>
/// <param name="MustBePositive">0 is refused too (not only negative values).</param>
public sealed record PlausibleRange(string Field, string Unit, decimal HardMax, decimal? SoftMax, bool MustBePositive = false)
{
    /// <summary>Why the value is refused, or null.</summary>
    public string? Error(decimal value)
    {
        if (MustBePositive ? value <= 0 : value < 0)
        {
            return MustBePositive ? $"{Field}须大于 0 {Unit}。" : $"{Field}不能为负数。";
        }

        return value > HardMax ? $"{Field}（{Show(value)}）超过上限 {Show(HardMax)}，请核对是否多输了位数。" : null;
    }

    /// <summary>The question to ask before saving an unusually large (but accepted) value, or null.</summary>
    public string? Warning(decimal value) =>
        Error(value) is null && SoftMax is { } soft && value > soft ? $"{Field}为 {Show(value)}，超过通常范围（{Show(soft)}），请核对无误后确认保存。" : null;

    /// <summary>Refuses a value outside the hard limits with <see cref="Error"/>.</summary>
    public void Require(decimal value)
    {
        if (Error(value) is { } error)
        {
            throw new DomainException(error);
        }
    }

    private string Show(decimal value) =>
        (value == decimal.Truncate(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("N2", CultureInfo.InvariantCulture)) + " " + Unit;
}

/// <summary>
/// The bounds of the bureau's money and count fields, in one place. Hard limits are far beyond anything
/// a prefecture of about 490,000 people records in one entry; soft limits sit above the largest entries
/// the bureau has seen, so a slip of a few digits is noticed.
/// </summary>
public static class Plausibility
{
    /// <summary>慈善捐赠: one donation's value.</summary>
    public static PlausibleRange Donation { get; } = new("捐赠价值", "元", 1_000_000_000m, 10_000_000m, MustBePositive: true);

    /// <summary>福彩销售额 of one game in one county and month.</summary>
    public static PlausibleRange LotterySales { get; } = new("销售额", "元", 1_000_000_000m, 50_000_000m, MustBePositive: true);

    /// <summary>筹集公益金 of one game in one county and month (never more than the sales).</summary>
    public static PlausibleRange LotteryWelfareFund { get; } = new("筹集公益金", "元", 500_000_000m, 15_000_000m);

    /// <summary>临时救助: one assistance's amount.</summary>
    public static PlausibleRange TemporaryAssistance { get; } = new("救助金额", "元", 500_000m, 50_000m, MustBePositive: true);

    /// <summary>特困供养: a person's monthly support.</summary>
    public static PlausibleRange PovertySupport { get; } = new("供养标准", "元/月", 20_000m, 5_000m, MustBePositive: true);

    /// <summary>低保标准 per person and month.</summary>
    public static PlausibleRange DibaoStandard { get; } = new("低保标准", "元/人·月", 10_000m, 2_000m, MustBePositive: true);

    /// <summary>高龄津贴 monthly standard.</summary>
    public static PlausibleRange HighAgeStandard { get; } = new("月标准", "元/人·月", 10_000m, 2_000m, MustBePositive: true);

    /// <summary>儿童基本生活费 and 残疾人两项补贴 monthly standards.</summary>
    public static PlausibleRange WelfareStandard { get; } = new("月标准", "元/人·月", 20_000m, 5_000m, MustBePositive: true);

    /// <summary>安心助养 yearly standard per family.</summary>
    public static PlausibleRange CareSubsidyStandard { get; } = new("年补贴标准", "元/户·年", 200_000m, 20_000m, MustBePositive: true);

    /// <summary>A facility's or project's investment, in 元.</summary>
    public static PlausibleRange Investment { get; } = new("投资金额", "元", 5_000_000_000m, 200_000_000m);

    /// <summary>孵化/公益创投: a project's funding, in 元.</summary>
    public static PlausibleRange ProjectFunding { get; } = new("资助金额", "元", 100_000_000m, 5_000_000m);

    /// <summary>A facility's beds.</summary>
    public static PlausibleRange Beds { get; } = new("床位数", "张", 10_000m, 2_000m);

    /// <summary>The questions to ask before saving these values (empty when none is unusual).</summary>
    public static IReadOnlyList<string> Warnings(params (PlausibleRange Range, decimal Value)[] values) =>
        [.. values.Select(v => v.Range.Warning(v.Value)).OfType<string>()];
}
