/** A consistent annual report (members, activities, finances that add up, staff, 会员之家), for seeding. */
export const annualReportContent = () => ({
  members: { individual: 420, institutional: 15, newIndividual: 36, student: 40, youth: 110 },
  activities: {
    academicExchanges: 5,
    academicParticipants: 640,
    popularisationEvents: 8,
    popularisationParticipants: 2100,
    advisoryReports: 2,
    advisoryAdopted: 1,
    brandEvents: 1,
    brandParticipants: 300,
  },
  finances: {
    incomeDuesFen: 1_200_000,
    incomeGovernmentFen: 5_000_000,
    incomeServicesFen: 800_000,
    incomeDonationsFen: 0,
    incomeOtherFen: 50_000,
    incomeTotalFen: 7_050_000,
    expenditureFen: 6_600_000,
  },
  staff: { fullTime: 2, partTime: 3 },
  memberHome: { fixedPlace: true, facilities: true, staff: true, funding: false, rules: true },
});
