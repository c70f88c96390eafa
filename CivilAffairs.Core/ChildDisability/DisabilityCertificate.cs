using CivilAffairs.Core.Common;

namespace CivilAffairs.Core.ChildDisability;

/// <summary>残疾类别, the 19th character of the 残疾人证号.</summary>
public enum DisabilityCategory
{
    /// <summary>视力残疾.</summary>
    Visual = 1,
    /// <summary>听力残疾.</summary>
    Hearing = 2,
    /// <summary>言语残疾.</summary>
    Speech = 3,
    /// <summary>肢体残疾.</summary>
    Physical = 4,
    /// <summary>智力残疾.</summary>
    Intellectual = 5,
    /// <summary>精神残疾.</summary>
    Mental = 6,
    /// <summary>多重残疾.</summary>
    Multiple = 7,
}

/// <summary>
/// 第二代残疾人证号: the holder's 18-character resident ID number, the category (1–7) and the grade
/// (1–4, 一级 the most severe). Parsing checks every part and names what is wrong.
/// </summary>
public sealed record DisabilityCertificate(string Value, string IdNumber, DisabilityCategory Category, int Grade)
{
    public const int Length = 20;

    public static DisabilityCertificate Parse(string? text, DateOnly today)
    {
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length != Length)
        {
            throw new DomainException($"残疾人证号须为 {Length} 位（18 位公民身份号码 + 1 位残疾类别 + 1 位残疾等级），当前为 {value.Length} 位。");
        }

        if (ResidentId.Validate(value[..18], today, out _) is { } error)
        {
            throw new DomainException($"残疾人证号的前 18 位不是有效的公民身份号码：{error}");
        }

        if (value[18] is < '1' or > '7')
        {
            throw new DomainException("残疾人证号第 19 位（残疾类别）须为 1–7：1 视力、2 听力、3 言语、4 肢体、5 智力、6 精神、7 多重。");
        }

        if (value[19] is < '1' or > '4')
        {
            throw new DomainException("残疾人证号第 20 位（残疾等级）须为 1–4。");
        }

        return new DisabilityCertificate(value, value[..18], (DisabilityCategory)(value[18] - '0'), value[19] - '0');
    }

    /// <summary>Parses and checks that the certificate belongs to the person with <paramref name="personIdNumber"/>.</summary>
    public static DisabilityCertificate ParseFor(string? text, string personIdNumber, DateOnly today)
    {
        var certificate = Parse(text, today);
        if (!string.Equals(certificate.IdNumber, personIdNumber, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("残疾人证号的前 18 位与所选人员的公民身份号码不一致，请核对。");
        }

        return certificate;
    }

    public static string Of(string idNumber, DisabilityCategory category, int grade) => $"{idNumber}{(int)category}{grade}";

    /// <summary>The certificate with its ID-number part masked like a resident ID.</summary>
    public static string Mask(string value) => value.Length == Length ? ResidentId.Mask(value[..18]) + value[18..] : value;
}
