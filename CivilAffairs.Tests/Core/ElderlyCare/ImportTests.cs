using System.IO.Compression;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.ElderlyCare.Import;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivilAffairs.Tests.Core.ElderlyCare;

/// <summary>Excel import of facilities and elderly persons, on workbooks built in memory and a real SQLite database.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private static readonly string[] FacilityHeaders =
        ["设施名称", "设施类型", "行政区划代码", "运营方式", "运营方", "总床位", "护理型床位", "在住人数", "医养结合", "投资（万元）", "投资年份", "开业日期", "状态", "民生实事年份"];

    private static readonly string[] PersonHeaders =
        ["公民身份号码", "姓名", "民族", "联系电话", "行政区划代码", "空巢", "独居", "失能", "重残", "特困", "养老方式", "所在机构名称"];

    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ElderlyCareImportService Service(UserContext user) => new(_db.ActAs(user), _db.Clock);

    private static string Id(int sequence, string region = "652722") => TestIds.For(region, new DateOnly(1945, 5, 12), sequence);

    private static object?[] Facility(string name, params (string Column, object? Value)[] changes) =>
        Row(FacilityHeaders, [name, "县市综合社会福利院", "652722", "公办公营", null, 100, 60, 50, "是", 200.5, 2019, "2020-06-01", "运营中", null], changes);

    private static object?[] Elderly(string idNumber, string name, params (string Column, object? Value)[] changes) =>
        Row(PersonHeaders, [idNumber, name, "汉族", "13900000001", "652722100", "是", "否", "否", "否", "否", "居家", null], changes);

    private static object?[] Row(string[] headers, object?[] values, (string Column, object? Value)[] changes)
    {
        foreach (var (column, value) in changes)
        {
            values[Array.IndexOf(headers, column)] = value;
        }

        return values;
    }

    /// <summary>A one-sheet workbook whose first row is <paramref name="headers"/>, then <paramref name="rows"/>.</summary>
    private static MemoryStream Workbook(string[] headers, params object?[][] rows)
    {
        var width = Math.Max(headers.Length, rows.Select(r => r.Length).DefaultIfEmpty().Max());
        var sheet = new[] { headers.Cast<object?>().ToArray() }.Concat(rows).Select(r =>
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++)
            {
                cells[$"c{i}"] = i < r.Length ? r[i] : null;
            }

            return cells;
        }).ToList();
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false);
        stream.Position = 0;
        return stream;
    }

    private async Task<(int Facilities, int Elderly, int People, int Audit)> CountsAsync()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return (await ctx.CareFacilities.CountAsync(), await ctx.ElderlyPersons.CountAsync(), await ctx.People.CountAsync(), await ctx.AuditEntries.CountAsync());
    }

    private async Task<CareFacility> AddFacilityAsync(string name, string division = "652722")
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var facility = new CareFacility { Name = name, Kind = FacilityKind.CountyWelfareInstitute, DivisionCode = division, TotalBeds = 50 };
        ctx.CareFacilities.Add(facility);
        await ctx.SaveChangesAsync();
        return facility;
    }

    private async Task<Person> AddPersonAsync(string idNumber, string name, string division, bool enrol = false)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(idNumber, TestIds.Today), name, division);
        ctx.People.Add(person);
        if (enrol)
        {
            ctx.ElderlyPersons.Add(new ElderlyPerson { Person = person, DivisionCode = division });
        }

        await ctx.SaveChangesAsync();
        return person;
    }

    private static void AssertOnlyError(ImportPreview<FacilityImportRow> preview, int row, string column, string messageStart) =>
        AssertOnlyError(preview.Rows.Single(r => r.RowNumber == row).Errors, row, column, messageStart);

    private static void AssertOnlyError(ImportPreview<ElderlyPersonImportRow> preview, int row, string column, string messageStart) =>
        AssertOnlyError(preview.Rows.Single(r => r.RowNumber == row).Errors, row, column, messageStart);

    private static void AssertOnlyError(IReadOnlyList<ImportError> errors, int row, string column, string messageStart)
    {
        var error = Assert.Single(errors);
        Assert.Equal((row, column), (error.RowNumber, error.Column));
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoodFacilityFileImportsEveryRowInOneGoWithAnAuditRowEach()
    {
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(FacilityHeaders,
            Facility("精河县综合社会福利院"),
            Facility("精河镇区域养老服务中心", ("设施类型", "乡镇/街道区域养老服务中心"), ("行政区划代码", 652722100), ("运营方式", "公建民营"), ("运营方", "康乐养老公司"), ("开业日期", new DateTime(2021, 3, 15))),
            Facility("八家户助餐点", ("设施类型", "老年助餐点"), ("总床位", null), ("护理型床位", null), ("在住人数", null), ("医养结合", null), ("投资（万元）", null), ("状态", null), ("民生实事年份", 2024)));

        var preview = await service.PreviewFacilitiesAsync(file);
        Assert.False(preview.HasErrors, string.Join(" ", preview.Errors));
        Assert.Equal([2, 3, 4], preview.Rows.Select(r => r.RowNumber));

        Assert.Equal(3, await service.ImportFacilitiesAsync(preview));

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var facilities = await ctx.CareFacilities.OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(["精河县综合社会福利院", "精河镇区域养老服务中心", "八家户助餐点"], facilities.Select(f => f.Name));
        Assert.Equal(2_005_000.00m, facilities[0].Investment);   // 200.5 万元
        Assert.Equal((FacilityKind.TownshipCareCenter, "652722100", OperationMode.PublicBuiltPrivatelyOperated, "康乐养老公司", new DateOnly(2021, 3, 15)),
            (facilities[1].Kind, facilities[1].DivisionCode, facilities[1].OperationMode, facilities[1].Operator, facilities[1].OpenedOn));
        Assert.Equal((0, false, 0m, FacilityStatus.Operating, (int?)2024),
            (facilities[2].TotalBeds, facilities[2].HasMedicalService, facilities[2].Investment, facilities[2].Status, facilities[2].LivelihoodProjectYear));
        var audit = await ctx.AuditEntries.Where(a => a.EntityType == nameof(CareFacility)).ToListAsync();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Equal((AuditAction.Insert, "jinghe"), (a.Action, a.UserName)));
        Assert.Equal(facilities.Select(f => f.Id.ToString()).Order(), audit.Select(a => a.EntityKey!).Order());
    }

    [Fact]
    public async Task AGoodPersonFileRegistersNewPersonsReusesRegisteredOnesAndEnrolsAll()
    {
        var home = await AddFacilityAsync("精河县综合社会福利院");
        var registered = await AddPersonAsync(Id(11), "巴特尔", "652722101");
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(PersonHeaders,
            Elderly(Id(11), "巴特尔", ("行政区划代码", "652722101"), ("民族", "蒙古族")),
            Elderly(Id(22), "李秀英", ("失能", "是"), ("养老方式", "机构"), ("所在机构名称", "精河县综合社会福利院")),
            Elderly(Id(24), "王桂兰", ("养老方式", "社区"), ("特困", true)));

        var preview = await service.PreviewElderlyPersonsAsync(file);
        Assert.False(preview.HasErrors, string.Join(" ", preview.Errors));
        Assert.Equal(registered.Id, preview.Rows[0].Values.RegisteredPersonId);
        Assert.Equal((Gender.Female, new DateOnly(1945, 5, 12)), (preview.Rows[1].Values.Gender!.Value, preview.Rows[1].Values.BirthDate!.Value));

        Assert.Equal(3, await service.ImportElderlyPersonsAsync(preview));

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var enrolled = await ctx.ElderlyPersons.Include(e => e.Person).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["巴特尔", "李秀英", "王桂兰"], enrolled.Select(e => e.Person!.Name));
        Assert.Equal(registered.Id, enrolled[0].PersonId);
        Assert.All(enrolled, e => Assert.Equal(e.Person!.DivisionCode, e.DivisionCode));
        Assert.Equal((CareMode.Institution, (int?)home.Id, true), (enrolled[1].CareMode, enrolled[1].FacilityId, enrolled[1].Disabled));
        Assert.Equal((CareMode.Community, true), (enrolled[2].CareMode, enrolled[2].ExtremelyPoor));
        Assert.Equal(("汉族", "13900000001"), (enrolled[1].Person!.Ethnicity, enrolled[1].Person!.Phone));
        Assert.Equal(3, await ctx.People.CountAsync());   // one reused, two registered
        Assert.Equal(3, await ctx.AuditEntries.CountAsync(a => a.EntityType == nameof(ElderlyPerson) && a.UserName == "jinghe"));
        Assert.Equal(2, await ctx.AuditEntries.CountAsync(a => a.EntityType == nameof(Person) && a.UserName == "jinghe"));
    }

    [Fact]
    public async Task EachKindOfBadFacilityRowIsReportedWithItsRowNumberAndNothingIsWritten()
    {
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(FacilityHeaders,
            Facility("甲", ("设施类型", "敬老院")),                                   // row 2
            Facility("乙", ("护理型床位", 120)),                                      // row 3
            Facility("丙", ("总床位", "一百")),                                       // row 4
            Facility("丁", ("开业日期", "2020-13-45")),                               // row 5
            Facility("戊", ("投资（万元）", -3)),                                     // row 6
            Facility("己", ("状态", "已关闭")),                                       // row 7
            Facility("", ("运营方", "某公司")),                                        // row 8
            Facility("庚", ("行政区划代码", "652799")),                               // row 9
            Facility("辛", ("在住人数", -1)),                                         // row 10
            Facility("壬", ("运营方式", "合资")),                                      // row 11
            Facility("癸", ("医养结合", "有")),                                        // row 12
            Facility("子", ("投资年份", 1900)),                                       // row 13
            Facility("丑", ("在住人数", 101)),                                        // row 14
            Facility("卯", ("投资（万元）", 1.0000005)),                              // row 15: finer than a fen
            Facility("辰", ("投资年份", 3000)),                                       // row 16
            Facility("巳", ("开业日期", "2026-11-29")),                               // row 17: in service, opens tomorrow
            Facility("寅"));                                                         // row 18: good

        var preview = await service.PreviewFacilitiesAsync(file);

        AssertOnlyError(preview, 2, "设施类型", "第 2 行：设施类型“敬老院”无效，应为以下之一：州康养护理中心、县市综合社会福利院");
        AssertOnlyError(preview, 3, "护理型床位", "第 3 行：护理型床位（120）不能多于总床位（100）。");
        AssertOnlyError(preview, 4, "总床位", "第 4 行：总床位“一百”不是整数。");
        AssertOnlyError(preview, 5, "开业日期", "第 5 行：开业日期“2020-13-45”不是有效日期");
        AssertOnlyError(preview, 6, "投资（万元）", "第 6 行：投资（万元）不能为负数");
        AssertOnlyError(preview, 7, "状态", "第 7 行：状态“已关闭”无效，应为以下之一：建设中、运营中、停用。");
        AssertOnlyError(preview, 8, "设施名称", "第 8 行：请填写设施名称。");
        AssertOnlyError(preview, 9, "行政区划代码", "第 9 行：行政区划代码“652799”不存在。");
        AssertOnlyError(preview, 10, "在住人数", "第 10 行：在住人数不能为负数");
        AssertOnlyError(preview, 11, "运营方式", "第 11 行：运营方式“合资”无效");
        AssertOnlyError(preview, 12, "医养结合", "第 12 行：医养结合应填写“是”或“否”，而不是“有”。");
        AssertOnlyError(preview, 13, "投资年份", "第 13 行：投资年份应为 1949–2027 之间的年份");
        AssertOnlyError(preview, 14, "在住人数", "第 14 行：在住人数（101）不能多于总床位（100）。");
        AssertOnlyError(preview, 15, "投资（万元）", "第 15 行：投资（万元）最多保留六位小数（万元，即精确到分）。");
        AssertOnlyError(preview, 16, "投资年份", "第 16 行：投资年份应为 1949–2027 之间的年份（当前为 3000）。");
        AssertOnlyError(preview, 17, "开业日期", "第 17 行：运营中的设施，开业日期不能晚于今天。");
        Assert.Empty(preview.Rows.Single(r => r.RowNumber == 18).Errors);
        Assert.Equal(16, preview.Errors.Count());

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportFacilitiesAsync(preview));
        Assert.Equal("还有 16 行存在错误，请修正文件后重新上传。导入已取消，未写入任何记录。", ex.Message);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task EachKindOfBadPersonRowIsReportedWithItsRowNumberAndNothingIsWritten()
    {
        await AddFacilityAsync("精河县综合社会福利院");
        var badCheck = Id(30)[..17] + (Id(30)[17] == '1' ? '2' : '1');
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(PersonHeaders,
            Elderly(badCheck, "甲"),                                                              // row 2
            Elderly(Id(32), "乙", ("养老方式", "养老院")),                                         // row 3
            Elderly(Id(34), "丙", ("养老方式", "机构"), ("所在机构名称", "不存在的福利院")),          // row 4
            Elderly(Id(36), ""),                                                                  // row 5
            Elderly(Id(38), "丁", ("独居", "也许")),                                              // row 6
            Elderly(string.Empty, "戊", ("公民身份号码", 652722194505120399d)),                      // row 7: a number, not text
            Elderly(Id(40), "己", ("养老方式", "机构")),                                          // row 8: institution without a name
            Elderly(Id(42), "庚", ("行政区划代码", null)),                                        // row 9
            Elderly("6527221945", "辛"),                                                          // row 10
            Elderly(Id(44), "壬", ("养老方式", "机构"), ("所在机构名称", "精河县综合社会福利院")));  // row 11: good

        var preview = await service.PreviewElderlyPersonsAsync(file);

        var expectedCheck = Id(30)[17];
        AssertOnlyError(preview, 2, "公民身份号码", $"第 2 行：公民身份号码校验码错误：最后一位应为 {expectedCheck}");
        AssertOnlyError(preview, 3, "养老方式", "第 3 行：养老方式“养老院”无效，应为以下之一：居家、社区、机构。");
        AssertOnlyError(preview, 4, "所在机构名称", "第 4 行：所在机构名称“不存在的福利院”不存在，或不在您的管辖范围内。");
        AssertOnlyError(preview, 5, "姓名", "第 5 行：请填写姓名。");
        AssertOnlyError(preview, 6, "独居", "第 6 行：独居应填写“是”或“否”，而不是“也许”。");
        AssertOnlyError(preview, 7, "公民身份号码", "第 7 行：公民身份号码须按文本格式填写");
        AssertOnlyError(preview, 8, "所在机构名称", "第 8 行：养老方式为“机构”时须填写所在机构名称。");
        AssertOnlyError(preview, 9, "行政区划代码", "第 9 行：请填写行政区划代码。");
        AssertOnlyError(preview, 10, "公民身份号码", "第 10 行：公民身份号码应为 18 位，当前为 10 位。");
        Assert.Empty(preview.Rows.Single(r => r.RowNumber == 11).Errors);

        await Assert.ThrowsAsync<DomainException>(() => service.ImportElderlyPersonsAsync(preview));
        var counts = await CountsAsync();
        Assert.Equal((1, 0, 0), (counts.Facilities, counts.Elderly, counts.People));
    }

    [Fact]
    public async Task ADuplicateIdWithinTheFileIsReportedOnItsSecondRow()
    {
        using var file = Workbook(PersonHeaders, Elderly(Id(11), "巴特尔"), Elderly(Id(13), "其木格"), Elderly(Id(11).ToLowerInvariant(), "巴特尔"));

        var preview = await Service(TestUsers.Jinghe).PreviewElderlyPersonsAsync(file);

        Assert.Empty(preview.Rows[0].Errors);
        Assert.Empty(preview.Rows[1].Errors);
        AssertOnlyError(preview, 4, "公民身份号码", "第 4 行：公民身份号码与第 2 行重复。");
    }

    [Fact]
    public async Task AnIdAlreadyEnrolledInAnotherScopeIsReportedAsRegisteredWithoutSayingWhere()
    {
        await AddPersonAsync(Id(11, "652723"), "阿依古丽", "652723100", enrol: true);
        using var file = Workbook(PersonHeaders, Elderly(Id(11, "652723"), "阿依古丽"), Elderly(Id(13), "其木格"));

        var preview = await Service(TestUsers.Jinghe).PreviewElderlyPersonsAsync(file);

        AssertOnlyError(preview, 2, "公民身份号码", "第 2 行：公民身份号码对应的人员已登记为老年人，不能重复登记。");
        Assert.DoesNotContain("温泉", preview.Errors.Single().Message, StringComparison.Ordinal);
        Assert.DoesNotContain("652723100", preview.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Empty(preview.Rows[1].Errors);
    }

    [Fact]
    public async Task APersonRegisteredButNotEnrolledMustMatchTheRegisterAndBeInScope()
    {
        await AddPersonAsync(Id(11), "巴特尔", "652722101");
        await AddPersonAsync(Id(13, "652723"), "阿依古丽", "652723100");
        using var file = Workbook(PersonHeaders,
            Elderly(Id(11), "巴特", ("行政区划代码", "652722101")),
            Elderly(Id(13, "652723"), "阿依古丽", ("行政区划代码", "652722100")),
            Elderly(Id(15), "其木格"));

        var preview = await Service(TestUsers.Jinghe).PreviewElderlyPersonsAsync(file);

        AssertOnlyError(preview, 2, "姓名", "第 2 行：姓名“巴特”与人员库中该身份证号码登记的姓名“巴特尔”不一致。");
        AssertOnlyError(preview, 3, "公民身份号码", "第 3 行：公民身份号码对应的人员已在人员库中登记，且不在您的管辖范围内，不能导入。");
        Assert.Empty(preview.Rows[2].Errors);
    }

    [Fact]
    public async Task AJingheClerkImportingAWenquanDivisionCodeGetsAnError()
    {
        var service = Service(TestUsers.Jinghe);
        using var facilities = Workbook(FacilityHeaders, Facility("温泉县福利院", ("行政区划代码", "652723")), Facility("精河县福利院"));
        using var persons = Workbook(PersonHeaders, Elderly(Id(11, "652723"), "阿依古丽", ("行政区划代码", "652723100")));

        var facilityPreview = await service.PreviewFacilitiesAsync(facilities);
        var personPreview = await service.PreviewElderlyPersonsAsync(persons);

        AssertOnlyError(facilityPreview, 2, "行政区划代码", "第 2 行：行政区划代码 652723（温泉县）不在您的管辖范围（精河县）内。");
        Assert.Empty(facilityPreview.Rows[1].Errors);
        AssertOnlyError(personPreview, 2, "行政区划代码", "第 2 行：行政区划代码 652723100（");
        Assert.Contains("不在您的管辖范围（精河县）内", personPreview.Errors.Single().Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => service.ImportFacilitiesAsync(facilityPreview));
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task AFacilityNameTakenInTheSameDivisionInTheFileOrTheDatabaseIsReported()
    {
        await AddFacilityAsync("精河县综合社会福利院");
        using var file = Workbook(FacilityHeaders,
            Facility("精河县综合社会福利院"),
            Facility("托里镇幸福大院", ("行政区划代码", "652722102")),
            Facility("托里镇幸福大院", ("行政区划代码", "652722102")),
            Facility("托里镇幸福大院", ("行政区划代码", "652722100")));

        var preview = await Service(TestUsers.Jinghe).PreviewFacilitiesAsync(file);

        AssertOnlyError(preview, 2, "设施名称", "第 2 行：设施名称“精河县综合社会福利院”在 精河县 已登记，不能重复导入。");
        AssertOnlyError(preview, 4, "设施名称", "第 4 行：设施名称“托里镇幸福大院”与第 3 行重复");
        Assert.Equal(2, preview.ValidRowCount);
    }

    [Fact]
    public async Task AMalformedFileIsRefusedWithItsMessage()
    {
        var service = Service(TestUsers.Jinghe);
        using var text = new MemoryStream("设施名称,设施类型\n甲,老年助餐点\n"u8.ToArray());
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var writer = new StreamWriter(archive.CreateEntry("word/document.xml").Open());
            await writer.WriteAsync("<w:document/>");
        }

        zip.Position = 0;
        using var truncated = Workbook(FacilityHeaders, Facility("甲"));
        truncated.SetLength(truncated.Length / 2);

        foreach (var file in new[] { text, zip, truncated })
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => service.PreviewFacilitiesAsync(file));
            Assert.StartsWith("文件不是有效的 Excel 工作簿（.xlsx）", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEmptyFileAndAFileWithoutDataRowsAreRefused()
    {
        var service = Service(TestUsers.Jinghe);
        using var empty = new MemoryStream();
        using var headerOnly = Workbook(FacilityHeaders);

        var emptyError = await Assert.ThrowsAsync<DomainException>(() => service.PreviewFacilitiesAsync(empty));
        var headerOnlyError = await Assert.ThrowsAsync<DomainException>(() => service.PreviewFacilitiesAsync(headerOnly));

        Assert.Equal("上传的文件是空的。请在下载的模板中填好数据后再上传。", emptyError.Message);
        Assert.Equal("文件中没有数据行：请从表头下一行起填写数据。", headerOnlyError.Message);
    }

    [Fact]
    public async Task AFileOverFiveMegabytesOrFiveThousandRowsIsRefused()
    {
        var service = Service(TestUsers.Elderly);
        using var big = new MemoryStream(new byte[ImportLimits.MaxFileBytes + 1]);
        using var manyRows = Workbook(FacilityHeaders,
            Enumerable.Range(1, ImportLimits.MaxDataRows + 1).Select(i => Facility($"助餐点{i}", ("设施类型", "老年助餐点"))).ToArray());

        var bigError = await Assert.ThrowsAsync<DomainException>(() => service.PreviewFacilitiesAsync(big));
        var rowsError = await Assert.ThrowsAsync<DomainException>(() => service.PreviewFacilitiesAsync(manyRows));

        Assert.Equal("文件过大：每个文件不能超过 5 MB。请删除多余内容或分批导入。", bigError.Message);
        Assert.Equal("数据行过多：每次最多导入 5000 行。请分批导入。", rowsError.Message);
    }

    [Fact]
    public async Task AHeaderWithoutTheExpectedColumnsIsRefused()
    {
        var headers = FacilityHeaders.Where(h => h is not ("护理型床位" or "状态")).ToArray();
        using var file = Workbook(headers, ["甲"]);
        using var personsFileForFacilities = Workbook(PersonHeaders, Elderly(Id(11), "巴特尔"));

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).PreviewFacilitiesAsync(file));
        var wrongKind = await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).PreviewFacilitiesAsync(personsFileForFacilities));

        Assert.StartsWith("表头（第 1 行）缺少以下列：护理型床位、状态。", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("表头（第 1 行）缺少以下列：设施名称、设施类型、运营方式", wrongKind.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlankRowsAreSkippedAndRowNumbersStayThoseOfTheSheet()
    {
        using var file = Workbook(FacilityHeaders, Facility("甲"), new object?[FacilityHeaders.Length], Facility("乙", ("总床位", -5), ("护理型床位", 0), ("在住人数", 0)));

        var preview = await Service(TestUsers.Jinghe).PreviewFacilitiesAsync(file);

        Assert.Equal([2, 4], preview.Rows.Select(r => r.RowNumber));
        AssertOnlyError(preview, 4, "总床位", "第 4 行：总床位不能为负数");
    }

    [Fact]
    public async Task ARuleBrokenAtCommitRollsBackEveryRow()
    {
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(FacilityHeaders, Facility("甲"), Facility("乙"), Facility("丙"));
        var preview = await service.PreviewFacilitiesAsync(file);
        var rows = preview.Rows.ToList();
        rows[2] = rows[2] with { Values = rows[2].Values with { NursingBeds = 500 } };

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportFacilitiesAsync(new ImportPreview<FacilityImportRow>(rows)));

        Assert.Equal("第 4 行：护理型床位（500）不能多于总床位（100）。导入已取消，未写入任何记录。", ex.Message);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task ARowTheDatabaseRefusesAfterOthersWereInsertedRollsBackTheRowsAndTheirAuditRows()
    {
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(FacilityHeaders, Facility("甲"), Facility("乙"), Facility("丙"));
        var preview = await service.PreviewFacilitiesAsync(file);
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            // Stands for a constraint that only the database knows about, hit by the last row.
            await ctx.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER RefuseThirdFacility BEFORE INSERT ON CareFacilities WHEN NEW.Name = '丙' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportFacilitiesAsync(preview));

        Assert.EndsWith("导入已取消，未写入任何记录。", ex.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task AnEnrolmentTheDatabaseRefusesRollsBackThePersonsRegisteredBeforeIt()
    {
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(PersonHeaders, Elderly(Id(11), "巴特尔"), Elderly(Id(13), "其木格"));
        var preview = await service.PreviewElderlyPersonsAsync(file);
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            // The persons are saved before the enrolments; refusing the last enrolment must take them back too.
            await ctx.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER RefuseEnrolment BEFORE INSERT ON ElderlyPersons WHEN NEW.EmptyNest = 1 AND (SELECT COUNT(*) FROM ElderlyPersons) = 1 BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportElderlyPersonsAsync(preview));

        Assert.EndsWith("导入已取消，未写入任何记录。", ex.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task APersonEnrolledBetweenPreviewAndCommitStopsTheWholeImport()
    {
        var service = Service(TestUsers.Jinghe);
        using var file = Workbook(PersonHeaders, Elderly(Id(11), "巴特尔"), Elderly(Id(13), "其木格"), Elderly(Id(15), "李秀英"));
        var preview = await service.PreviewElderlyPersonsAsync(file);
        Assert.False(preview.HasErrors);
        await AddPersonAsync(Id(15), "李秀英", "652722100", enrol: true);

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportElderlyPersonsAsync(preview));

        Assert.Equal("第 4 行：公民身份号码对应的人员已登记为老年人，不能重复登记。导入已取消，未写入任何记录。", ex.Message);
        var counts = await CountsAsync();
        Assert.Equal((1, 1), (counts.People, counts.Elderly));
    }

    [Fact]
    public async Task AnImportOutsideTheCommittersScopeIsRefusedAndNothingIsWritten()
    {
        using var file = Workbook(FacilityHeaders, Facility("精河县福利院"), Facility("温泉县福利院", ("行政区划代码", "652723")));
        var preview = await Service(TestUsers.Elderly).PreviewFacilitiesAsync(file);
        Assert.False(preview.HasErrors);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).ImportFacilitiesAsync(preview));

        Assert.StartsWith("第 3 行：行政区划代码 652723（温泉县）不在您的管辖范围（精河县）内。", ex.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task ALeaderCannotImport()
    {
        using var file = Workbook(FacilityHeaders, Facility("甲"));

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Leader).PreviewFacilitiesAsync(file));

        Assert.Equal("局领导账户为只读，不能导入数据。", ex.Message);
    }

    [Fact]
    public async Task TheTemplatesHaveTheChineseHeadersAndTheirExampleRowsPreviewWithoutErrors()
    {
        var service = Service(TestUsers.Admin);
        using var facilityTemplate = new MemoryStream();
        using var personTemplate = new MemoryStream();
        await service.WriteFacilityTemplateAsync(facilityTemplate);
        await service.WriteElderlyPersonTemplateAsync(personTemplate);

        facilityTemplate.Position = 0;
        Assert.Equal(["养老服务设施", "填写说明"], MiniExcel.GetSheetNames(facilityTemplate));
        facilityTemplate.Position = 0;
        var header = (IDictionary<string, object?>)MiniExcel.Query(facilityTemplate, useHeaderRow: false).First();
        Assert.Equal(FacilityHeaders, header.Values.Select(v => (string)v!));

        facilityTemplate.Position = 0;
        personTemplate.Position = 0;
        var facilities = await service.PreviewFacilitiesAsync(facilityTemplate);
        var persons = await service.PreviewElderlyPersonsAsync(personTemplate);

        Assert.Equal(0, facilities.Errors.Count() + persons.Errors.Count());
        Assert.Equal((FacilityKind.CountyWelfareInstitute, 15_005_000m), (facilities.Rows.Single().Values.Kind!.Value, facilities.Rows.Single().Values.Investment!.Value));
        Assert.Equal((CareMode.Home, Gender.Female), (persons.Rows.Single().Values.CareMode!.Value, persons.Rows.Single().Values.Gender!.Value));
    }

    [Fact]
    public async Task TheTemplateWorksheetsFollowTheSpreadsheetSchemaOrder()
    {
        using var template = new MemoryStream();
        await Service(TestUsers.Admin).WriteElderlyPersonTemplateAsync(template);

        using var zip = new ZipArchive(template, ZipArchiveMode.Read);
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sheets.Count);
        foreach (var sheet in sheets)
        {
            await using var part = sheet.Open();
            var xml = await System.Xml.Linq.XDocument.LoadAsync(part, System.Xml.Linq.LoadOptions.None, default);
            var sheetData = xml.Root!.Elements().Single(e => e.Name.LocalName == "sheetData");
            // Excel refuses (as damaged content) anything but rows inside sheetData.
            Assert.All(sheetData.Elements(), e => Assert.Equal("row", e.Name.LocalName));
        }
    }
}
