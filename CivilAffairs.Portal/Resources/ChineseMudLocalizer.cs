using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CivilAffairs.Portal.Resources;

/// <summary>
/// MudBlazor's own texts (a required field left empty, a number that does not parse, pager and
/// picker buttons) in Chinese when the UI speaks Chinese; English falls through to MudBlazor's.
/// </summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["MudFormComponent_Required"] = "此项为必填项。",
        ["Converter_InvalidNumber"] = "请输入有效的数字。",
        ["Converter_InvalidDateTime"] = "请输入有效的日期（yyyy-MM-dd）。",
        ["Converter_InvalidTimeSpan"] = "请输入有效的时间。",
        ["Converter_InvalidBoolean"] = "请选择是或否。",
        ["Converter_InvalidGUID"] = "格式不正确。",
        ["Converter_NotValueOf"] = "请从列表中选择（{0}）。",
        ["Converter_InvalidType"] = "格式不正确（{0}）。",
        ["Converter_ConversionError"] = "格式不正确：{0}",
        ["Converter_ConversionFailed"] = "无法将“{2}”转换为所需格式。",
        ["Converter_UnableToConvert"] = "格式不正确。",
        ["Converter_ConversionNotImplemented"] = "格式不正确。",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "减少",
        ["MudPagination_FirstPage"] = "首页",
        ["MudPagination_LastPage"] = "末页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudPagination_CurrentPage"] = "当前第 {0} 页",
        ["MudPagination_PageIndex"] = "第 {0} 页",
        ["MudBaseDatePicker_Open"] = "打开日历",
        ["MudTimePicker_Open"] = "打开时间选择",
        ["MudBaseDatePicker_PrevMonth"] = "上个月 {0}",
        ["MudBaseDatePicker_NextMonth"] = "下个月 {0}",
        ["MudBaseDatePicker_PrevYear"] = "上一年 {0}",
        ["MudBaseDatePicker_NextYear"] = "下一年 {0}",
    };

    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && Chinese.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : base[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && Chinese.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text, arguments))
            : base[key, arguments];
}
