using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScanRoundsAndResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScanRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstrumentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AllowChangesAfterSubmit = table.Column<bool>(type: "boolean", nullable: false),
                    PopulationRegios = table.Column<string>(type: "text", nullable: false),
                    PopulationProvincies = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RespondentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InvitationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    CompletedOn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanResponses_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScanResponses_RoundId_GemeenteCode",
                table: "ScanResponses",
                columns: new[] { "RoundId", "GemeenteCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanResponses_RoundId_RespondentId",
                table: "ScanResponses",
                columns: new[] { "RoundId", "RespondentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScanResponses");

            migrationBuilder.DropTable(
                name: "ScanRounds");
        }
    }
}
