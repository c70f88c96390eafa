using System.Diagnostics.CodeAnalysis;

namespace CivilAffairs.Core.Common;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: registration-authority code (position 1), organisation-type code
/// (2), the registering authority's 6-digit division code (3–8), the 9-character organisation code
/// (9–17) and a check character (18) computed modulo 31 over the 31-character set without I, O, Z, S, V.
/// </summary>
public sealed record CreditCode
{
    public const int Length = 18;

    /// <summary>The code's characters in the order of their values 0–30.</summary>
    public const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>民政 (civil affairs), the authority of social organisations.</summary>
    public const char CivilAffairsAuthority = '5';

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Registration authorities and the organisation-type codes each may issue (GB 32100-2015, table 1 and 2).</summary>
    private static readonly Dictionary<char, (string Authority, string Types)> Authorities = new()
    {
        ['1'] = ("机构编制", "1239"),
        ['2'] = ("外交", "19"),
        ['3'] = ("司法行政", "123459"),
        ['4'] = ("文化", "19"),
        ['5'] = ("民政", "1239"),
        ['6'] = ("旅游", "129"),
        ['7'] = ("宗教", "129"),
        ['8'] = ("工会", "19"),
        ['9'] = ("工商", "123"),
        ['A'] = ("中央军委改革和编制办公室", "19"),
        ['N'] = ("农业", "1239"),
        ['Y'] = ("其他", "1"),
    };

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public char AuthorityCode => Value[0];

    public char TypeCode => Value[1];

    /// <summary>The registering authority's division (positions 3–8).</summary>
    public string DivisionCode => Value[2..8];

    public override string ToString() => Value;

    /// <summary>Parses a code or throws a <see cref="DomainException"/> naming what is wrong.</summary>
    public static CreditCode Parse(string? text)
    {
        var error = Validate(text, out var code);
        return error is null ? code! : throw new DomainException(error);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out CreditCode? code) => Validate(text, out code) is null;

    /// <summary>Returns null when the code is valid, otherwise a Chinese message saying exactly which part is wrong.</summary>
    public static string? Validate(string? text, out CreditCode? code)
    {
        code = null;
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            return "请填写统一社会信用代码。";
        }

        if (value.Length != Length)
        {
            return $"统一社会信用代码应为 18 位，当前为 {value.Length} 位。";
        }

        for (var i = 0; i < Length; i++)
        {
            if (Characters.IndexOf(value[i], StringComparison.Ordinal) < 0)
            {
                return $"统一社会信用代码第 {i + 1} 位“{value[i]}”不是有效字符（只能是数字 0–9 和除 I、O、Z、S、V 以外的大写字母）。";
            }
        }

        if (!Authorities.TryGetValue(value[0], out var authority))
        {
            return $"统一社会信用代码第 1 位登记管理部门代码“{value[0]}”无效（应为 1–9、A、N 或 Y，民政部门为 5）。";
        }

        if (!authority.Types.Contains(value[1], StringComparison.Ordinal))
        {
            return $"统一社会信用代码第 2 位机构类别代码“{value[1]}”对登记管理部门“{authority.Authority}”（{value[0]}）无效，应为 {string.Join("、", authority.Types.ToCharArray())} 之一。";
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"统一社会信用代码第 3–8 位为登记管理机关行政区划码，须为数字；第 {i + 1} 位为“{value[i]}”。";
            }
        }

        var expected = CheckCharacter(value[..17]);
        if (value[17] != expected)
        {
            return $"统一社会信用代码校验码错误：第 18 位应为“{expected}”，实际为“{value[17]}”。";
        }

        code = new CreditCode(value);
        return null;
    }

    /// <summary>The check character of the first 17 characters (all from <see cref="Characters"/>).</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Expected the first 17 characters of a credit code.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Characters.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Characters[(31 - (sum % 31)) % 31];
    }

    /// <summary>A valid code from its parts (the check character is computed), e.g. for demo data and tests.</summary>
    public static string Compose(char authority, char type, string divisionCode, string organizationCode)
    {
        var first17 = $"{authority}{type}{divisionCode}{organizationCode}";
        return first17 + CheckCharacter(first17);
    }

    /// <summary>Chinese name of a civil-affairs organisation-type code (position 2 when position 1 is 5).</summary>
    public static string CivilAffairsTypeName(char type) => type switch
    {
        '1' => "社会团体",
        '2' => "民办非企业单位（社会服务机构）",
        '3' => "基金会",
        '9' => "其他",
        _ => type.ToString(),
    };
}
