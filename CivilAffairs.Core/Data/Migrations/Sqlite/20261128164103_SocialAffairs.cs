using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialAffairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BurialFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicWelfare = table.Column<bool>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Investment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurialFacilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BurialFacilities_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollectiveWeddings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Couples = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveWeddings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveWeddings_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeathCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DateOfDeath = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Applicant = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProcessingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    BaselineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeathCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeathCases_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeathCases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MarriageOffices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ScenicArea = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageOffices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarriageOffices_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlaceNameExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AddedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceNameExperts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceNameExperts_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlaceNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    AidCity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceNames_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MarriageMonthlyFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Marriages = table.Column<int>(type: "INTEGER", nullable: false),
                    Divorces = table.Column<int>(type: "INTEGER", nullable: false),
                    CrossRegion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarriageMonthlyFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarriageMonthlyFigures_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MarriageMonthlyFigures_MarriageOffices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "MarriageOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BurialFacilities_DivisionCode_Kind",
                table: "BurialFacilities",
                columns: new[] { "DivisionCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveWeddings_DivisionCode_HeldOn",
                table: "CollectiveWeddings",
                columns: new[] { "DivisionCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DeathCases_DivisionCode_AppliedOn",
                table: "DeathCases",
                columns: new[] { "DivisionCode", "AppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DeathCases_PersonId",
                table: "DeathCases",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageMonthlyFigures_DivisionCode_Period",
                table: "MarriageMonthlyFigures",
                columns: new[] { "DivisionCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_MarriageMonthlyFigures_OfficeId_Period",
                table: "MarriageMonthlyFigures",
                columns: new[] { "OfficeId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarriageOffices_DivisionCode",
                table: "MarriageOffices",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_MarriageOffices_Name",
                table: "MarriageOffices",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaceNameExperts_DivisionCode",
                table: "PlaceNameExperts",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceNames_DivisionCode_Source_RecordedOn",
                table: "PlaceNames",
                columns: new[] { "DivisionCode", "Source", "RecordedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceNames_Name",
                table: "PlaceNames",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BurialFacilities");

            migrationBuilder.DropTable(
                name: "CollectiveWeddings");

            migrationBuilder.DropTable(
                name: "DeathCases");

            migrationBuilder.DropTable(
                name: "MarriageMonthlyFigures");

            migrationBuilder.DropTable(
                name: "PlaceNameExperts");

            migrationBuilder.DropTable(
                name: "PlaceNames");

            migrationBuilder.DropTable(
                name: "MarriageOffices");
        }
    }
}
