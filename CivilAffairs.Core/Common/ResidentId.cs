using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CivilAffairs.Core.Common;

/// <summary>
/// 公民身份号码 per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence (odd for
/// men), and a check character by ISO 7064 MOD 11-2 (0–9 or X).
/// </summary>
public sealed record ResidentId
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentId(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>The six-digit region code of the first registration.</summary>
    public string RegionCode => Value[..6];

    /// <summary>Parses a number or throws a <see cref="DomainException"/> naming the wrong part.</summary>
    public static ResidentId Parse(string? text, DateOnly today)
    {
        var error = Validate(text, today, out var id);
        return error is null ? id! : throw new DomainException(error);
    }

    public static bool TryParse(string? text, DateOnly today, [NotNullWhen(true)] out ResidentId? id) =>
        Validate(text, today, out id) is null;

    /// <summary>
    /// What people paste, made comparable: spaces anywhere (also the full-width 　 and non-breaking
    /// ones that office documents carry) removed and a lower-case x upper-cased. Nothing is cut: a
    /// number that is too long stays too long and <see cref="Validate"/> says so.
    /// </summary>
    public static string Normalize(string? text) =>
        string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Returns null when the number is valid, otherwise a message saying which part is wrong.</summary>
    public static string? Validate(string? text, DateOnly today, out ResidentId? id)
    {
        id = null;
        var value = Normalize(text);
        if (value.Length == 0)
        {
            return "请填写身份证号码。";
        }

        if (value.Length != Length)
        {
            return $"身份证号码应为 18 位，当前为 {value.Length} 位。";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"身份证号码第 {i + 1} 位应为数字。";
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return "身份证号码最后一位（校验码）应为数字或 X。";
        }

        var province = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (province < 11 || province > 91 || value.AsSpan(2, 4).SequenceEqual("0000"))
        {
            return $"身份证号码前 6 位地区码“{value[..6]}”无效。";
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return $"身份证号码第 7–14 位出生日期“{value.Substring(6, 8)}”不是有效日期。";
        }

        if (birth > today)
        {
            return $"身份证号码中的出生日期 {birth:yyyy-MM-dd} 晚于今天。";
        }

        if (value.AsSpan(14, 3).SequenceEqual("000"))
        {
            return "身份证号码第 15–17 位顺序码不能为 000。";
        }

        var expected = CheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            return $"身份证号码校验码错误：最后一位应为 {expected}，而不是 {value[17]}。";
        }

        var gender = (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        id = new ResidentId(value, birth, gender);
        return null;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Age in whole years on a given day.</summary>
    public int AgeOn(DateOnly day) => Age.On(BirthDate, day);

    /// <summary>The number with birth date and sequence hidden, e.g. 652722***********X.</summary>
    public string Masked => Mask(Value);

    /// <summary>
    /// Masks a stored number for roles that may not see it: the region and the check character stay,
    /// the birth date and the sequence are hidden (lists show the birth date separately, so hiding
    /// only the date would not protect the number).
    /// </summary>
    public static string Mask(string value) =>
        value.Length == Length ? string.Concat(value.AsSpan(0, 6), new string('*', 11), value.AsSpan(17, 1)) : "******";

    public override string ToString() => Value;
}
