using Masthead.Moderation.Phases;

namespace Masthead.Moderation.Tests;

public sealed class IncitementPhaseTests
{
    private static Signal? Run(string text) => PhaseRun.SignalOf(new IncitementPhase(new ApprovedPatterns()), text);

    [Theory]
    [InlineData("Nuke Moscow.")]
    [InlineData("Just glass Tehran already.")]
    [InlineData("Time to turn the whole country into glass.")]
    [InlineData("Somebody should torch the embassy with everyone inside.")]
    [InlineData("Zelensky should be executed on live TV.")]
    [InlineData("Put the whole village against the wall.")]
    [InlineData("We need to wipe Gaza off the map.")]
    [InlineData("Гр0зный надо стереть с лица земли.")]
    [InlineData("Зеленского повесить на Майдане.")]
    [InlineData("Всех к стенке.")]
    [InlineData("Путіна — на палю.")]
    [InlineData("Бєлгород треба спалити разом з мешканцями.")]
    [InlineData("Sarmat on London, problem solved.")]
    [InlineData("Одну боеголовку на Варшаву.")]
    [InlineData("If they sign that treaty, level Vilnius the same night.")]
    [InlineData("Shell Donetsk until the separatists give up.")]
    [InlineData("Belarus should be turned into rubble.")]
    [InlineData("The answer is to level every village near the border.")]
    [InlineData("Go after their children, that is what hurts them.")]
    [InlineData("Put every deserter's family on a truck at gunpoint.")]
    [InlineData("Poison the reservoir in Donetsk and be done with it.")]
    [InlineData("May God rain fire on the settlers and their children.")]
    [InlineData("Why hasn't anyone dropped a bunker buster on that editor's house?")]
    [InlineData("If they fire one more rocket, gas Beirut.")]
    [InlineData("I say nuke Moscow.")]
    [InlineData("Why not nuke Moscow and be done?")]
    [InlineData("Forget \"peace talks\". Nuke Moscow, \"problem solved\".")]
    public void Run_CallForViolence_SignalsAThreat(string text)
    {
        var signal = Run(text);

        Assert.NotNull(signal);
        Assert.Equal(Category.Threat, signal.Category);
        Assert.True(signal.Score >= new ModerationOptions().Thresholds[Category.Threat].Hold);
        Assert.StartsWith("Calls for violence", signal.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(signal.Spans);
    }

    [Theory]
    [InlineData("Ukraine should hit the airfields in Crimea before the next wave of glide bombs.")]
    [InlineData("NATO should destroy the air defence in Crimea first.")]
    [InlineData("The West must destroy Russia's economy, not its people.")]
    [InlineData("Bomb the refineries in Belgorod and the front starves of fuel.")]
    [InlineData("Medvedev says they should nuke London. He says that every month.")]
    [InlineData("No one should die for a politician's vanity.")]
    [InlineData("We should never use chemical weapons on cities, whatever they do.")]
    [InlineData("Someone upthread wrote \"nuke Tehran\". Nine million people live there.")]
    [InlineData("Hang in there, Kharkiv.")]
    [InlineData("Please donate to the burn unit in Zaporizhzhia.")]
    [InlineData("Russia nuked nobody in 1991 and the world is still here.")]
    [InlineData("How many more people have to die?")]
    [InlineData("Знищити ППО в Криму, і флот стане беззахисним.")]
    [InlineData("Він заявив, що Київ треба стерти з лиця землі. Це злочин.")]
    [InlineData("A tactical nuke on Kharkiv would end Russia's last friendships.")]
    [InlineData("Sarin on Ghouta, chlorine on Douma: the record is long.")]
    [InlineData("Thermobaric rockets on Mariupol?")]
    [InlineData("Удары по ПВО в Крыму идут каждую ночь.")]
    [InlineData("If Russia nukes Kyiv, NATO would sink the Black Sea Fleet within a day.")]
    [InlineData("Iskanders on Dnipro again tonight, eleven dead.")]
    [InlineData("Raise the level of aid to Kharkiv before winter.")]
    [InlineData("The 'flatten Gaza' crowd never signs up themselves.")]
    [InlineData("Sure, let's buy more gas from Azerbaijan instead.")]
    [InlineData("Russia poisoned Navalny and nobody was punished.")]
    [InlineData("They should nuke London, Medvedev says.")]
    [InlineData("Треба бити по аеродромах у Криму, поки там стоять літаки.")]
    [InlineData("Надо бить по складам и аэродромам в Крыму, а не по городам.")]
    [InlineData("The old playbook: flatten the city, install a strongman, call it peace.")]
    [InlineData("We need to level the playing field with Russia on energy.")]
    public void Run_AnalysisReportingOrNegation_NoSignal(string text)
    {
        Assert.Null(Run(text));
    }

    [Fact]
    public void Run_Call_SpansPointAtTheCallTheActAndTheTarget()
    {
        const string text = "Honestly, we should flatten Kyiv and be done.";

        var signal = Run(text);

        Assert.NotNull(signal);
        Assert.Equal(["should", "flatten", "Kyiv"], signal.Spans.Select(s => text.Substring(s.Start, s.Length)));
    }
}
