using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FiguresJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ExplanationsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Excel = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    PdfSha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ExcelSha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ReopenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReopenedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ReopenReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSubmissions_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSubmissions_DivisionCode",
                table: "ReportSubmissions",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSubmissions_Period_State",
                table: "ReportSubmissions",
                columns: new[] { "Period", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSubmissions_ReportKind_DivisionCode_Period_Number",
                table: "ReportSubmissions",
                columns: new[] { "ReportKind", "DivisionCode", "Period", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSubmissions");
        }
    }
}
