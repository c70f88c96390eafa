using System.Globalization;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Portal.Components.Layout;

namespace CivilAffairs.Portal.Components.Pages.Dashboard;

/// <summary>How indicator values read on screen: the definition's decimals, thousands separators, culture's name.</summary>
internal static class Kpi
{
    public static string Name(IndicatorDefinition definition) => CultureSwitch.IsChinese ? definition.NameZh : definition.NameEn;

    public static string Format(decimal? value, IndicatorDefinition definition) =>
        value is { } v ? v.ToString("N" + definition.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture) : "—";
}
