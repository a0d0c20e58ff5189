using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportAndOpenAnswerCoding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenAnswerCodings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CoderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CoderName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Themes = table.Column<string>(type: "text", nullable: false),
                    Suggested = table.Column<string>(type: "text", nullable: false),
                    CodedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenAnswerCodings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenAnswerCodings_ScanResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "ScanResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenAnswerCodings_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportNarratives",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Markdown = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportNarratives", x => new { x.RoundId, x.Key });
                    table.ForeignKey(
                        name: "FK_ReportNarratives_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenAnswerCodings_ResponseId_QuestionId_CoderId",
                table: "OpenAnswerCodings",
                columns: new[] { "ResponseId", "QuestionId", "CoderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenAnswerCodings_RoundId",
                table: "OpenAnswerCodings",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenAnswerCodings");

            migrationBuilder.DropTable(
                name: "ReportNarratives");
        }
    }
}
