import type { Actor, Deps } from '../deps.js';
import { findStarterSkillIds } from '../skills/skills.service.js';
import type { ActivityInput, ModuleInput } from './microcredentials.schemas.js';
import { addModule } from './use-cases/add-module.js';
import { createMicrocredential } from './use-cases/create-microcredential.js';
import { publishVersion } from './use-cases/publish-version.js';
import { uploadImage } from './use-cases/upload-image.js';
import { demoModuleContent } from './demo-module-content.js';

type DemoQuestion = [prompt: string, correct: string, wrong: string[]];

type DemoProgramme = {
  slug: string;
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  skills: string[];
  level: number;
  /** An ISCED-F 2013 field, as OB 3.0 `Achievement.fieldOfStudy`. */
  fieldOfStudy: string;
  effortHours: number;
  durationWeeks: number;
  cost: { amountMinor: number; currency: string } | null;
  cpdHours: number;
  format: 'self_paced' | 'cohort' | 'blended';
  language: string;
  hasPartner?: boolean;
  colour: string;
  modules: [title: string, minutes: number, content: string][];
  quiz: DemoQuestion[];
  assignment?: { title: string; instructions: string; criteria: string[] };
};

const northwind: DemoProgramme[] = [
  {
    slug: 'data-literacy-foundations',
    title: 'Data Literacy Foundations',
    summary: 'Read charts and figures critically and ask the right questions of data.',
    description:
      'A first, practical step into working with data. You will learn how numbers are produced, how charts can mislead, and how to summarise a data set honestly for colleagues.',
    outcomes: [
      'Explain where a figure came from and what it leaves out',
      'Choose measures of centre and spread that fit the data',
      'Spot a misleading chart and redraw it',
    ],
    skills: ['CAIRN-DATA-01', 'CAIRN-DATA-05', 'CAIRN-DATA-07'],
    level: 3,
    fieldOfStudy: 'Statistics',
    effortHours: 8,
    durationWeeks: 2,
    cost: null,
    cpdHours: 8,
    format: 'self_paced',
    language: 'en',
    colour: '#2f6f4e',
    modules: [
      [
        'Where numbers come from',
        40,
        'Every figure is the answer to a question someone chose to ask. This module looks at samples, surveys and system data, and at what each leaves out.',
      ],
      [
        'Summaries that tell the truth',
        50,
        'Means, medians and ranges: when each one helps and when it hides the story.',
      ],
      [
        'Charts that mislead',
        45,
        'Truncated axes, cherry-picked periods and 3D pies. Learn to see them and to fix them.',
      ],
    ],
    quiz: [
      [
        'A salary data set has a few very high earners. Which average describes a typical salary best?',
        'The median',
        ['The mean', 'The maximum'],
      ],
      [
        'A bar chart’s vertical axis starts at 95 instead of 0. What is the risk?',
        'Small differences look large',
        ['Nothing: the bars are still accurate', 'The chart cannot show decimals'],
      ],
    ],
  },
  {
    slug: 'sql-for-analysts',
    title: 'SQL for Analysts',
    summary: 'Query relational databases with confidence: joins, grouping and window functions.',
    description:
      'Hands-on SQL for people who answer business questions. Each week ends with a short exercise on a realistic sales database.',
    outcomes: [
      'Write queries that join, filter and aggregate several tables',
      'Use window functions for running totals and rankings',
      'Check query results for double counting',
    ],
    skills: ['CAIRN-DATA-03', 'CAIRN-DATA-04', 'CAIRN-SOFT-07'],
    level: 5,
    fieldOfStudy: 'Information and Communication Technologies',
    effortHours: 24,
    durationWeeks: 4,
    cost: { amountMinor: 19_000, currency: 'EUR' },
    cpdHours: 24,
    format: 'self_paced',
    language: 'en',
    hasPartner: true,
    colour: '#1f4e79',
    modules: [
      ['Selecting and filtering', 90, 'SELECT, WHERE and ORDER BY on a single table, with NULL handled correctly.'],
      ['Joining tables', 120, 'Inner and outer joins, and how a careless join multiplies rows.'],
      ['Grouping and windows', 120, 'GROUP BY, HAVING and window functions for rankings and running totals.'],
    ],
    quiz: [
      ['Which clause filters groups after aggregation?', 'HAVING', ['WHERE', 'ORDER BY']],
      [
        'A LEFT JOIN keeps which rows?',
        'Every row of the left table',
        ['Only rows that match on both sides', 'Every row of the right table'],
      ],
    ],
  },
  {
    slug: 'dashboard-design',
    title: 'Dashboard Design that Drives Decisions',
    summary: 'Design dashboards that put the few measures a team acts on in front of the right people.',
    description:
      'From a stakeholder interview to a working dashboard: choosing measures, laying them out, and testing the result with its users.',
    outcomes: [
      'Agree the decisions a dashboard must support',
      'Lay out measures so the most important is seen first',
      'Test a dashboard with its users and improve it',
    ],
    skills: ['CAIRN-DATA-07', 'CAIRN-DATA-08', 'CAIRN-DATA-13'],
    level: 4,
    fieldOfStudy: 'Information and Communication Technologies',
    effortHours: 12,
    durationWeeks: 3,
    cost: { amountMinor: 9_900, currency: 'EUR' },
    cpdHours: 12,
    format: 'blended',
    language: 'en',
    colour: '#7a4e9e',
    modules: [
      [
        'Decisions before charts',
        45,
        'Interview the people who will use the dashboard and list the decisions it supports.',
      ],
      ['Layout and emphasis', 60, 'Position, size and colour: guiding the eye to what matters.'],
    ],
    quiz: [
      [
        'What should you agree with stakeholders before choosing charts?',
        'The decisions the dashboard supports',
        ['The colour palette', 'The refresh rate of the database'],
      ],
      [
        'Where do readers of a left-to-right language look first on a dashboard?',
        'The top left',
        ['The bottom right', 'The centre of the page'],
      ],
    ],
    assignment: {
      title: 'Your dashboard brief',
      instructions:
        'Write a one-page brief for a dashboard your team needs: its users, the decisions it supports, the three measures it shows and how you will test it. Attach a sketch if you have one.',
      criteria: ['Users and decisions', 'Choice of measures', 'Testing plan'],
    },
  },
  {
    slug: 'agile-delivery-essentials',
    title: 'Agile Delivery Essentials',
    summary: 'Deliver work in short iterations with regular feedback, using Scrum and Kanban well.',
    description:
      'For team members and new team leads who want to run sprints, boards and retrospectives that actually improve delivery.',
    outcomes: [
      'Plan and run a sprint with a well-ordered backlog',
      'Use a Kanban board with work-in-progress limits',
      'Facilitate a retrospective that leads to one concrete change',
    ],
    skills: ['CAIRN-PM-04', 'CAIRN-PM-05', 'CAIRN-PM-06'],
    level: 4,
    fieldOfStudy: 'Management and administration',
    effortHours: 10,
    durationWeeks: 2,
    cost: { amountMinor: 7_500, currency: 'GBP' },
    cpdHours: 10,
    format: 'cohort',
    language: 'en',
    colour: '#c0504d',
    modules: [
      ['Why iterate', 40, 'Short feedback loops and what they change for teams and customers.'],
      ['Sprints and boards', 60, 'Sprint planning, daily stand-ups and boards with limits on work in progress.'],
    ],
    quiz: [
      [
        'What is the main purpose of a work-in-progress limit?',
        'To improve flow by finishing work before starting more',
        ['To measure individual productivity', 'To fix the sprint length'],
      ],
      [
        'When does a retrospective happen in Scrum?',
        'At the end of each sprint',
        ['Only when a project fails', 'Once a year'],
      ],
    ],
  },
  {
    slug: 'cloud-cost-management',
    title: 'Cloud Cost Management',
    summary: 'Track and reduce cloud spending without hurting reliability.',
    description:
      'Understand how cloud bills are built, find waste, and set up budgets and alerts that keep teams accountable.',
    outcomes: [
      'Read a cloud bill and attribute costs to teams',
      'Find idle and oversized resources',
      'Set budgets and alerts that teams act on',
    ],
    skills: ['CAIRN-CLOUD-09', 'CAIRN-CLOUD-01', 'CAIRN-CLOUD-07'],
    level: 5,
    fieldOfStudy: 'Information and Communication Technologies',
    effortHours: 14,
    durationWeeks: 3,
    cost: { amountMinor: 14_900, currency: 'EUR' },
    cpdHours: 14,
    format: 'self_paced',
    language: 'en',
    hasPartner: true,
    colour: '#4f81bd',
    modules: [
      ['How cloud bills work', 50, 'On-demand, reserved and spot pricing; storage and data transfer charges.'],
      ['Finding waste', 70, 'Idle machines, oversized databases and forgotten snapshots.'],
    ],
    quiz: [
      [
        'Which resource is the most common source of waste?',
        'Compute left running when idle',
        ['Domain names', 'Access policies'],
      ],
      [
        'A budget alert fires at 80% of the monthly budget on day 10. What does it suggest?',
        'Spending is on course to exceed the budget',
        ['The budget is too high', 'Nothing: alerts fire every month'],
      ],
    ],
  },
  {
    slug: 'secure-coding-basics',
    title: 'Secure Coding Basics',
    summary: 'Avoid the common vulnerabilities: injection, broken access control and leaked secrets.',
    description: 'A developer’s tour of the mistakes attackers exploit most, with fixes you can apply in any language.',
    outcomes: [
      'Prevent injection with parameterised queries',
      'Check authorisation on every request',
      'Keep secrets out of source code',
    ],
    skills: ['CAIRN-SOFT-15', 'CAIRN-SEC-02', 'CAIRN-SEC-12'],
    level: 5,
    fieldOfStudy: 'Information and Communication Technologies',
    effortHours: 9,
    durationWeeks: 2,
    cost: null,
    cpdHours: 9,
    format: 'self_paced',
    language: 'en',
    colour: '#2e2e2e',
    modules: [
      ['Injection', 45, 'How untrusted input becomes code, and why parameters fix it.'],
      ['Access control', 45, 'Check who may do what on the server, on every request.'],
    ],
    quiz: [
      [
        'What prevents SQL injection most reliably?',
        'Parameterised queries',
        ['Escaping quotes by hand', 'Hiding error messages'],
      ],
      [
        'Where must authorisation be checked?',
        'On the server, for every request',
        ['In the browser only', 'Only at log-in'],
      ],
    ],
  },
  {
    slug: 'datenkompetenz-grundlagen',
    title: 'Datenkompetenz: Grundlagen',
    summary: 'Diagramme und Kennzahlen kritisch lesen und die richtigen Fragen an Daten stellen.',
    description: 'Ein praktischer Einstieg in die Arbeit mit Daten für Teams im deutschsprachigen Raum.',
    outcomes: ['Die Herkunft einer Kennzahl erklären', 'Irreführende Diagramme erkennen'],
    skills: ['CAIRN-DATA-01', 'CAIRN-DATA-07'],
    level: 3,
    fieldOfStudy: 'Statistics',
    effortHours: 6,
    durationWeeks: 2,
    cost: null,
    cpdHours: 6,
    format: 'self_paced',
    language: 'de',
    colour: '#8064a2',
    modules: [
      ['Woher Zahlen kommen', 40, 'Stichproben, Umfragen und Systemdaten – und was sie auslassen.'],
      ['Diagramme, die täuschen', 40, 'Abgeschnittene Achsen und ausgewählte Zeiträume erkennen.'],
    ],
    quiz: [
      [
        'Welcher Mittelwert beschreibt ein typisches Gehalt bei wenigen Spitzenverdienern am besten?',
        'Der Median',
        ['Das arithmetische Mittel', 'Das Maximum'],
      ],
      [
        'Was ist das Risiko einer Achse, die nicht bei null beginnt?',
        'Kleine Unterschiede wirken groß',
        ['Keines', 'Dezimalzahlen fehlen'],
      ],
    ],
  },
];

const summit: DemoProgramme[] = [
  {
    slug: 'workplace-risk-assessment',
    title: 'Workplace Risk Assessment',
    summary: 'Identify hazards, rate the risks and record sensible controls.',
    description:
      'For supervisors and safety representatives: a structured approach to risk assessment that stands up to inspection and actually reduces harm.',
    outcomes: [
      'Identify hazards in a real workplace',
      'Rate risks consistently with a matrix',
      'Choose controls following the hierarchy of control',
    ],
    skills: ['CAIRN-HS-01', 'CAIRN-HS-07', 'CAIRN-HS-11'],
    level: 3,
    fieldOfStudy: 'Occupational health and safety',
    effortHours: 7,
    durationWeeks: 1,
    cost: { amountMinor: 6_500, currency: 'GBP' },
    cpdHours: 7,
    format: 'blended',
    language: 'en',
    hasPartner: true,
    colour: '#e36c09',
    modules: [
      ['Spotting hazards', 40, 'Walk-throughs, checklists and talking to the people who do the work.'],
      ['Rating and controlling risk', 50, 'Likelihood, severity and the hierarchy of control.'],
    ],
    quiz: [
      [
        'Which control is highest in the hierarchy of control?',
        'Eliminating the hazard',
        ['Personal protective equipment', 'A warning sign'],
      ],
      ['A risk matrix rates likelihood 4 and severity 5. What is the risk score?', '20', ['9', '1']],
    ],
    assignment: {
      title: 'Assess a real task',
      instructions:
        'Choose a task in your workplace, assess its risks with the template from module 2 and propose controls. Upload the completed assessment as a PDF or paste it as text.',
      criteria: ['Hazards identified', 'Risk ratings', 'Controls proposed'],
    },
  },
  {
    slug: 'warehouse-operations',
    title: 'Warehouse Operations',
    summary: 'Organise receiving, storage, picking and dispatch for accuracy and speed.',
    description: 'Practical methods used in modern distribution centres, from slotting to cycle counting.',
    outcomes: [
      'Design a slotting plan for fast movers',
      'Reduce picking errors with simple checks',
      'Run cycle counts instead of annual stock-takes',
    ],
    skills: ['CAIRN-LOG-02', 'CAIRN-LOG-01', 'CAIRN-LOG-14'],
    level: 4,
    fieldOfStudy: 'Transport services',
    effortHours: 16,
    durationWeeks: 4,
    cost: { amountMinor: 12_000, currency: 'GBP' },
    cpdHours: 16,
    format: 'self_paced',
    language: 'en',
    hasPartner: true,
    colour: '#9bbb59',
    modules: [
      ['Receiving and storage', 60, 'Checking deliveries and putting stock where it will be picked fastest.'],
      ['Picking and dispatch', 70, 'Pick paths, batch picking and checks that catch errors before dispatch.'],
    ],
    quiz: [
      [
        'Where should the fastest-moving items be stored?',
        'Closest to the dispatch area, at waist height',
        ['On the top shelves', 'Anywhere, as long as labelled'],
      ],
      [
        'What is a cycle count?',
        'Counting a small part of the stock every day',
        ['Counting all stock once a year', 'Counting deliveries as they arrive'],
      ],
    ],
  },
  {
    slug: 'first-aid-at-work',
    title: 'First Aid at Work',
    summary: 'Give immediate care for injuries and illness until professional help arrives.',
    description:
      'The theory part of first aid at work, with a practical session arranged by the provider. Covers assessment, CPR and common injuries.',
    outcomes: [
      'Assess a casualty and call for help',
      'Perform CPR and use a defibrillator',
      'Treat bleeding, burns and fractures',
    ],
    skills: ['CAIRN-HS-02', 'CAIRN-HLTH-05'],
    level: 2,
    fieldOfStudy: 'Occupational health and safety',
    effortHours: 6,
    durationWeeks: 1,
    cost: { amountMinor: 4_500, currency: 'GBP' },
    cpdHours: 6,
    format: 'cohort',
    language: 'en',
    colour: '#c00000',
    modules: [
      ['Assessing a casualty', 40, 'Danger, response, airway, breathing, circulation.'],
      ['CPR and defibrillation', 50, 'Chest compressions, rescue breaths and using an automated defibrillator.'],
    ],
    quiz: [
      [
        'What is the first thing to check at an incident?',
        'Danger to yourself and others',
        ['The casualty’s pulse', 'Their name'],
      ],
      [
        'About how many chest compressions per minute are recommended in adult CPR?',
        '100 to 120',
        ['30 to 40', '200 to 220'],
      ],
    ],
  },
  {
    slug: 'carbon-accounting-essentials',
    title: 'Carbon Accounting Essentials',
    summary: 'Measure an organisation’s greenhouse gas emissions across scopes 1, 2 and 3.',
    description:
      'How to build a first emissions inventory: boundaries, activity data, emission factors and a credible reduction plan.',
    outcomes: [
      'Set the boundary of an emissions inventory',
      'Calculate emissions from activity data and factors',
      'Prioritise reductions across the three scopes',
    ],
    skills: ['CAIRN-SUST-01', 'CAIRN-SUST-02', 'CAIRN-SUST-15'],
    level: 5,
    fieldOfStudy: 'Accounting and taxation',
    effortHours: 18,
    durationWeeks: 4,
    cost: { amountMinor: 24_000, currency: 'EUR' },
    cpdHours: 18,
    format: 'self_paced',
    language: 'en',
    hasPartner: true,
    colour: '#4e9a06',
    modules: [
      ['Scopes and boundaries', 60, 'What belongs in scopes 1, 2 and 3, and how to draw the boundary.'],
      ['From activity data to emissions', 80, 'Emission factors, units and checking your arithmetic.'],
    ],
    quiz: [
      ['Emissions from purchased electricity fall under which scope?', 'Scope 2', ['Scope 1', 'Scope 3']],
      [
        'A van burns 1,000 litres of diesel; the factor is 2.5 kg CO2e per litre. How many tonnes CO2e?',
        '2.5',
        ['25', '0.25'],
      ],
    ],
  },
  {
    slug: 'complaint-handling',
    title: 'Complaint Handling that Keeps Customers',
    summary: 'Resolve complaints fairly and turn them into improvements.',
    description:
      'Frontline techniques for listening, de-escalating and putting things right, plus how to log complaints so the organisation learns.',
    outcomes: [
      'Calm an upset customer and agree next steps',
      'Resolve a complaint within policy',
      'Record complaints so patterns can be found',
    ],
    skills: ['CAIRN-CS-02', 'CAIRN-CS-09', 'CAIRN-COMM-03'],
    level: 3,
    fieldOfStudy: 'Wholesale and retail sales',
    effortHours: 5,
    durationWeeks: 1,
    cost: null,
    cpdHours: 5,
    format: 'self_paced',
    language: 'en',
    colour: '#31859c',
    modules: [
      ['Listening first', 30, 'Let the customer finish, reflect back and acknowledge the impact.'],
      ['Putting it right', 40, 'Options within policy, clear promises and following through.'],
    ],
    quiz: [
      [
        'What should you do first when a customer complains?',
        'Listen without interrupting',
        ['Explain the policy', 'Offer a refund'],
      ],
      [
        'Why log every complaint?',
        'So recurring causes can be found and fixed',
        ['To assess staff', 'Because customers ask for it'],
      ],
    ],
  },
  {
    slug: 'gestion-de-proyectos-agil',
    title: 'Gestión ágil de proyectos',
    summary: 'Entregar trabajo en iteraciones cortas con retroalimentación frecuente.',
    description: 'Introducción práctica a Scrum y Kanban para equipos de habla hispana.',
    outcomes: ['Planificar un sprint', 'Usar un tablero Kanban con límites de trabajo en curso'],
    skills: ['CAIRN-PM-04', 'CAIRN-PM-05'],
    level: 4,
    fieldOfStudy: 'Management and administration',
    effortHours: 8,
    durationWeeks: 2,
    cost: { amountMinor: 5_900, currency: 'EUR' },
    cpdHours: 8,
    format: 'cohort',
    language: 'es',
    colour: '#f79646',
    modules: [
      ['Por qué iterar', 40, 'Ciclos cortos de retroalimentación y lo que cambian.'],
      ['Sprints y tableros', 50, 'Planificación del sprint y tableros con límites.'],
    ],
    quiz: [
      [
        '¿Para qué sirve un límite de trabajo en curso?',
        'Para terminar trabajo antes de empezar más',
        ['Para medir a cada persona', 'Para fijar la duración del sprint'],
      ],
      [
        '¿Cuándo se hace la retrospectiva en Scrum?',
        'Al final de cada sprint',
        ['Solo si el proyecto fracasa', 'Una vez al año'],
      ],
    ],
  },
];

function badgeSvg(colour: string) {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><circle cx="128" cy="128" r="120" fill="${colour}"/><path d="M128 52 L176 196 L80 196 Z" fill="#ffffff" opacity="0.9"/><circle cx="128" cy="112" r="18" fill="${colour}"/></svg>`,
  );
}

function quizOf(questions: DemoQuestion[]): ActivityInput {
  return {
    type: 'quiz',
    passMark: 50,
    attemptsLimit: 3,
    questions: questions.map(([prompt, correct, wrong]) => ({
      kind: 'single' as const,
      prompt,
      points: 1,
      options: [
        { text: correct, isCorrect: true, feedback: 'Correct.' },
        ...wrong.map((w) => ({ text: w, isCorrect: false, feedback: `Not quite: the answer is “${correct}”.` })),
      ],
    })),
  };
}

function assignmentOf(a: NonNullable<DemoProgramme['assignment']>): ActivityInput {
  return {
    type: 'assignment',
    instructions: a.instructions,
    rubric: {
      criteria: a.criteria.map((title) => ({
        title,
        levels: [
          { title: 'Not yet', points: 0 },
          { title: 'Meets the standard', points: 2 },
          { title: 'Exceeds the standard', points: 3 },
        ],
      })),
    },
    evidence: { kinds: ['text', 'file'], fileTypes: ['application/pdf'], maxFileBytes: 10 * 1024 * 1024 },
    passPoints: a.criteria.length * 2,
  };
}

/**
 * Authors and publishes the demo catalogue through the same use cases as the API: Northwind
 * Academy's and Summit Skills Institute's programmes, some endorsed by an industry partner.
 */
export async function seedDemoCatalog(
  deps: Deps,
  options: {
    northwind: { slug: string; ownerId: string };
    summit: { slug: string; ownerId: string };
    partnerOrgId: string;
  },
) {
  const codes = [...northwind, ...summit].flatMap((p) => p.skills);
  const skillIds = await findStarterSkillIds(deps.db, codes);
  let published = 0;
  for (const [provider, programmes] of [
    [options.northwind, northwind],
    [options.summit, summit],
  ] as const) {
    const actor: Actor = { kind: 'user', userId: provider.ownerId, sessionId: 'demo-seed' };
    for (const p of programmes) {
      const image = await uploadImage(deps, actor, provider.slug, {
        bytes: badgeSvg(p.colour),
        mimetype: 'image/svg+xml',
        filename: `${p.slug}.svg`,
      });
      const mc = await createMicrocredential(deps, actor, provider.slug, {
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        description: p.description,
        outcomes: p.outcomes,
        skillIds: p.skills.map((code) => {
          const id = skillIds.get(code);
          if (!id) throw new Error(`The demo catalogue names a skill the starter framework lacks: ${code}`);
          return id;
        }),
        level: p.level,
        effortHours: p.effortHours,
        durationWeeks: p.durationWeeks,
        cost: p.cost,
        cpdHours: p.cpdHours,
        fieldOfStudy: p.fieldOfStudy,
        format: p.format,
        language: p.language,
        imageFileId: image.id,
        partnerOrgIds: p.hasPartner ? [options.partnerOrgId] : [],
        criteriaNarrative: p.assignment
          ? `Complete every module, score at least 50% in the final quiz and meet the standard on each criterion of the assignment "${p.assignment.title}".`
          : 'Complete every module and score at least 50% in the final quiz.',
        passMark: 50,
        validityMonths: p.skills.some((s) => s.startsWith('CAIRN-HS')) ? 36 : null,
      });
      const versionId = mc.current.id;
      const modules: ModuleInput[] = p.modules.map(([title, estimatedMinutes, content], i) => ({
        title,
        // The full reading (several paragraphs and a worked example); the short line is its summary.
        content: demoModuleContent[p.slug]?.[i] ?? content,
        estimatedMinutes,
        links: [],
        activity: null,
      }));
      modules.push({
        title: 'Check your understanding',
        content: 'A short quiz on the whole programme. You can try it up to three times.',
        estimatedMinutes: 15,
        links: [],
        activity: quizOf(p.quiz),
      });
      if (p.assignment)
        modules.push({
          title: p.assignment.title,
          content: p.assignment.instructions,
          estimatedMinutes: 90,
          links: [],
          activity: assignmentOf(p.assignment),
        });
      for (const m of modules) await addModule(deps, actor, provider.slug, mc.id, versionId, m);
      await publishVersion(deps, actor, provider.slug, mc.id, versionId);
      published += 1;
    }
  }
  return { published };
}
