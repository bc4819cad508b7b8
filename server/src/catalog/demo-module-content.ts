/**
 * The reading of the demo programmes' modules: several paragraphs each with a worked example or a
 * figure, so the demo shows what a real module looks like. Keyed by programme slug, one Markdown
 * body per module in the order `demo-catalog.ts` lists them (titles and structure live there).
 * Figures are plain-text drawings in code blocks: module Markdown renders without images.
 */
export const demoModuleContent: Record<string, string[]> = {
  'data-literacy-foundations': [
    `Every figure you meet at work is the answer to a question somebody decided to ask, measured in a way somebody chose. Before you trust a number, find out **who counted, what they counted and what they left out**.

Most workplace numbers come from one of three places. A **sample** (a survey of 400 customers) stands in for a larger group and is only as good as the way it was drawn. A **census** counts everyone, but often only the people who were easy to reach. **System data** (orders, tickets, badge swipes) is complete for what the system records, and silent about everything it does not.

### Worked example: the satisfaction survey

A team reports "92% of customers are satisfied". Ask three questions:

1. *Who was asked?* The survey was sent to customers whose ticket was closed, so unresolved complaints never received it.
2. *How many answered?* 180 of 2,000: a 9% response rate.
3. *What was the question?* "Were you satisfied with the speed of our reply?", not with the outcome.

The honest sentence is: "Of the 9% of customers with a closed ticket who answered, 92% were happy with how fast we replied." It is a smaller claim, and a true one.`,
    `A summary squeezes many values into one or two numbers. Choose the wrong one and the summary describes nobody.

The **mean** adds everything up and divides by the count; a few extreme values pull it a long way. The **median** is the middle value once the data are sorted; it ignores how extreme the ends are. The **range** (largest minus smallest) shows spread but is set entirely by two values, so the **interquartile range** (the middle half of the data) is usually safer.

### Worked example: delivery times

Ten deliveries took these numbers of days:

\`\`\`
2  2  3  3  3  4  4  5  6  28
\`\`\`

- Mean: 60 / 10 = **6.0 days**
- Median: the average of the 5th and 6th values, (3 + 4) / 2 = **3.5 days**
- Range: 28 − 2 = 26 days; interquartile range: 5 − 3 = 2 days

One lost parcel (28 days) nearly doubles the mean. For "how long does a delivery usually take?" report the median, and report the lost parcel separately: it is a different problem.`,
    `A chart is an argument made with shapes. The same numbers can be drawn to make a difference look huge or invisible, so read the axes before you read the bars.

Three tricks cover most misleading charts. A **truncated axis** starts above zero so that small differences look large. A **cherry-picked period** starts or ends where the story suits the author. **Area and 3D effects** make a slice or a bubble look bigger than its share, because we judge area, not length.

### Figure: the same two numbers, drawn twice

\`\`\`
Axis from 95 to 100             Axis from 0 to 100
Team A 96 |####                 Team A 96 |###################
Team B 99 |################     Team B 99 |###################▌
\`\`\`

On the left, Team B looks four times better; on the right, the 3-point difference looks like what it is. When you redraw a chart, start bar charts at zero, show the whole period (or say why not), and prefer a plain bar or line to a pie with more than three slices.`,
  ],
  'sql-for-analysts': [
    `\`SELECT\` chooses columns, \`FROM\` names the table, \`WHERE\` keeps the rows that match, and \`ORDER BY\` sorts what is left. Written in that order, a query reads almost like a sentence.

The trap for new analysts is \`NULL\`. A missing value is not zero and not an empty string: any comparison with \`NULL\` is *unknown*, so \`WHERE discount <> 0\` silently drops rows whose discount is missing. Test for it with \`IS NULL\` / \`IS NOT NULL\`, or replace it with \`COALESCE(discount, 0)\` when zero really is the right meaning.

### Worked example: large open orders

\`\`\`sql
SELECT order_id, customer_id, total_eur
FROM orders
WHERE status = 'open'
  AND total_eur >= 1000
  AND shipped_at IS NULL
ORDER BY total_eur DESC
LIMIT 20;
\`\`\`

Read it aloud: "the twenty biggest open orders of at least a thousand euros that have not shipped, largest first". If the sentence does not match the question you were asked, the query is wrong, however well it runs.`,
    `A join lines up rows of two tables on a shared key. An **inner join** keeps only rows that match on both sides; a **left join** keeps every row of the left table and fills the right side with \`NULL\` where nothing matches.

Joins are where totals go wrong. If the right table has several rows per key (three shipments for one order), every left row is repeated once per match, and any sum over the left table's columns is multiplied.

### Worked example: the doubled revenue

\`\`\`sql
-- Wrong: an order with 3 shipments counts its total 3 times
SELECT SUM(o.total_eur)
FROM orders o JOIN shipments s ON s.order_id = o.order_id;

-- Right: aggregate the many side first, then join one row per order
SELECT SUM(o.total_eur)
FROM orders o
JOIN (SELECT DISTINCT order_id FROM shipments) s ON s.order_id = o.order_id;
\`\`\`

A quick check catches this every time: count the rows before and after the join. If the count grew and you did not expect it to, look for a one-to-many key.`,
    `\`GROUP BY\` collapses rows into one per group so you can count, sum and average them; \`HAVING\` then filters the groups (where \`WHERE\` filters rows before grouping). **Window functions** compute across related rows *without* collapsing them, which is what rankings and running totals need.

### Worked example: monthly sales with a running total and a rank

\`\`\`sql
SELECT month,
       region,
       SUM(total_eur) AS sales,
       SUM(SUM(total_eur)) OVER (PARTITION BY region ORDER BY month) AS running_total,
       RANK() OVER (PARTITION BY month ORDER BY SUM(total_eur) DESC) AS rank_in_month
FROM orders
GROUP BY month, region
HAVING SUM(total_eur) > 0;
\`\`\`

\`PARTITION BY\` restarts the window for each region (or month); \`ORDER BY\` inside \`OVER\` decides what "running" means. Check one region by hand for two months: if your running total does not equal the sum of those months, the partition or the order is wrong.`,
  ],
  'dashboard-design': [
    `A dashboard exists to support decisions, so start with the decisions, not the charts. Interview the people who will open it: what do they decide each week, what would make them act, and what do they look at today?

Write each answer as a sentence: "*If late deliveries pass 5% in a region, the operations lead moves a driver there.*" Each sentence gives you a measure (late deliveries by region), a threshold (5%), an owner and an action. A measure that no sentence needs does not belong on the dashboard, however interesting it is.

### Worked example: from interview to measures

\`\`\`
Move a driver to a region        -> late deliveries % by region   daily
Call a customer before they ask  -> orders at risk of missing SLA hourly
Renegotiate with a carrier       -> cost per parcel by carrier    monthly
\`\`\`

Three decisions, three measures, three refresh rates. Everything else (page views, total orders ever) goes to a report people can open when they need it.`,
    `Readers scan a screen in a predictable order: in left-to-right languages they start top left and sweep across and down. Put the measure that drives the most important decision there, large, with its threshold visible, and let less urgent measures follow.

Use **position** first, **size** second and **colour** last. Colour is powerful but scarce: if everything is coloured, nothing stands out, and about one man in twelve cannot tell red from green. Reserve a single strong colour for "needs action now" and keep the rest grey.

### Figure: a layout that guides the eye

\`\`\`
+---------------------------+-------------+
| LATE DELIVERIES  6.2% (!) | At risk: 14 |
| target 5%   ▁▂▂▃▅▆        |             |
+------------+--------------+-------------+
| by region  | by carrier   | cost/parcel |
+------------+--------------+-------------+
\`\`\`

Test the layout with a five-second look: show it to a user, hide it, and ask what needs attention. If they cannot say, the emphasis is in the wrong place.`,
  ],
  'agile-delivery-essentials': [
    `Teams iterate because plans meet reality and lose. Delivering a small, usable piece of work every one or two weeks turns each delivery into a test: customers react, the team learns, and the next piece is better aimed than the last.

Short feedback loops change three things. **Risk** drops, because a wrong turn costs two weeks rather than six months. **Priorities** can change cheaply, because nothing large is half finished. And the team **measures progress in working results**, not in documents or percentages of a plan.

### Worked example: one feature, two ways

\`\`\`
Big batch:  design ---- build ---------- test ---- release   (week 12: first feedback)
Iterative:  slice 1 | slice 2 | slice 3 | slice 4 | ...      (week 2: first feedback)
\`\`\`

A warehouse team wants a new returns screen. In the big batch they discover in week 12 that staff scan items before opening boxes, so the screen's order is wrong. Iterating, they ship a bare scanning screen in week 2, see the same thing on the floor, and fix it in week 3.`,
    `A **sprint** is a fixed time box (often two weeks) with a goal. In **sprint planning** the team picks the top items of an ordered backlog that fit its capacity and agrees what "done" means. A short **daily stand-up** (15 minutes) answers one question: what is in the way of the sprint goal? The sprint ends with a **review** of what was built and a **retrospective** on how the team worked.

A **Kanban board** makes work visible as cards moving through columns. Its most useful rule is a **work-in-progress (WIP) limit**: a column may hold only so many cards. When it is full, people help finish work instead of starting more, and queues shrink.

### Worked example: Little's law on a board

\`\`\`
average cycle time = work in progress / throughput
before: 9 cards in progress / 3 finished per day = 3.0 days
after:  6 cards in progress / 3 finished per day = 2.0 days
\`\`\`

Lowering the WIP limit from 9 to 6 did not make anyone work faster; cards simply waited less. Start with a limit a little below what the team carries today, and lower it while the queue before the slowest step keeps shrinking.`,
  ],
  'cloud-cost-management': [
    `A cloud bill looks like thousands of lines, but most of it comes from four kinds of charge: **compute** (machines by the second or hour), **storage** (gigabytes per month), **data transfer** (especially data leaving the provider) and **managed services** (databases, queues), each billed by its own unit.

Compute can be bought three ways. **On-demand** is flexible and the most expensive per hour. **Reserved** capacity or savings plans trade a one- or three-year commitment for a discount of roughly 30-60%. **Spot** capacity is spare capacity at a deep discount that the provider can take back at short notice: fine for batch jobs, wrong for a checkout page.

### Worked example: choosing a purchase option

\`\`\`
A service needs 4 machines all year, and up to 10 at month end.
  baseline 4 machines  -> reserve them           (always used)
  peak 6 more machines -> on-demand, 3 days/month (rarely used)
  nightly reports      -> spot                   (can be retried)
\`\`\`

Reserve what you always use, pay on demand for what you sometimes use, and put interruptible work on spot.`,
    `Waste in the cloud is rarely dramatic: it is a test machine left running over a holiday, a database sized for a launch that never came, snapshots nobody remembers taking. Each is small; together they are often a fifth of the bill.

Look in three places. **Idle resources**: machines whose CPU stays under 5% for two weeks. **Oversized resources**: a database using 15% of its memory at peak can usually drop one size. **Orphans**: disks, addresses and snapshots attached to nothing. Tag every resource with an owner and a purpose, so a finding goes to a person rather than a spreadsheet.

### Worked example: a monthly review

\`\`\`
finding                          monthly cost   action
3 idle test VMs (CPU < 2%)          €410        schedule off nights/weekends
orders DB at 12% memory             €640        one size down: saves €320
41 snapshots older than 90 days     €95         delete after owner confirms
\`\`\`

Set a budget per team with an alert at 80% of the month's budget. An alert on day 10 says spending is on course to overshoot; an alert nobody reads says the alert goes to the wrong person.`,
  ],
  'secure-coding-basics': [
    `An **injection** flaw happens when data from a user is mixed into a command, so the user can change what the command does. SQL injection is the classic case, but the same mistake appears in shell commands, LDAP queries and HTML.

The fix is to keep code and data apart. Use **parameterised queries** (prepared statements), where the database receives the query and the values separately and can never treat a value as SQL. Validate input against what you expect (an order number is digits), and never build commands by joining strings.

### Worked example: the login query

\`\`\`js
// Vulnerable: the name "x' OR '1'='1" turns the WHERE clause into "always true"
db.query("SELECT * FROM users WHERE name = '" + name + "'");

// Safe: the value travels separately from the SQL text
db.query('SELECT * FROM users WHERE name = $1', [name]);
\`\`\`

The second query stays the same whatever the name contains. Escaping by hand is not a substitute: it is easy to forget one call, and the rules differ between databases.`,
    `**Access control** decides who may do what to which record. Broken access control is the most common serious flaw in web applications, because it is easy to check that a user is logged in and forget to check that the record is *theirs*.

Check on the server, on every request, for every record. Hiding a button in the interface protects nothing: anyone can send the request the button would have sent. Deny by default, and make the check close to the data, so that a new route cannot forget it.

### Worked example: the invoice by id

\`\`\`
GET /api/invoices/1043   (logged in as a customer whose invoice is 1042)

Broken:   SELECT * FROM invoices WHERE id = 1043
Correct:  SELECT * FROM invoices WHERE id = 1043 AND customer_id = :current_customer
          -> no row: answer 404, the same as for an id that does not exist
\`\`\`

Answering 404 rather than 403 for someone else's record also avoids confirming that the record exists. Write a test for it: log in as one customer and ask for another's invoice.`,
  ],
  'datenkompetenz-grundlagen': [
    `Jede Zahl im Arbeitsalltag ist die Antwort auf eine Frage, die jemand gestellt hat, gemessen auf eine Weise, die jemand gewählt hat. Bevor Sie einer Zahl trauen, fragen Sie: **Wer hat gezählt, was wurde gezählt und was fehlt?**

Zahlen stammen meist aus einer **Stichprobe** (eine Umfrage unter 400 Kundinnen und Kunden), einer **Vollerhebung** (alle werden gezählt, oft aber nur die Erreichbaren) oder aus **Systemdaten** (Bestellungen, Tickets), die vollständig sind für das, was das System erfasst, und stumm für alles andere.

### Rechenbeispiel: die Zufriedenheitsumfrage

Ein Team meldet „92 % zufrieden“. Drei Fragen klären, was die Zahl bedeutet:

\`\`\`
Wer wurde gefragt?     nur Personen mit geschlossenem Ticket
Wie viele antworteten? 180 von 2.000 (9 %)
Was wurde gefragt?     die Geschwindigkeit der Antwort, nicht das Ergebnis
\`\`\`

Der ehrliche Satz lautet: „Von den 9 % der Personen mit geschlossenem Ticket, die geantwortet haben, waren 92 % mit der Geschwindigkeit unserer Antwort zufrieden.“ Eine kleinere Aussage, aber eine wahre.`,
    `Ein Diagramm ist ein Argument aus Formen. Dieselben Zahlen lassen sich so zeichnen, dass ein Unterschied riesig oder unsichtbar wirkt. Lesen Sie deshalb zuerst die Achsen, dann die Balken.

Drei Tricks erklären die meisten irreführenden Diagramme: eine **abgeschnittene Achse**, die nicht bei null beginnt; ein **ausgewählter Zeitraum**, der dort beginnt, wo die Geschichte passt; und **Flächen- und 3D-Effekte**, bei denen wir Flächen statt Längen vergleichen.

### Abbildung: zweimal dieselben zwei Werte

\`\`\`
Achse von 95 bis 100            Achse von 0 bis 100
Team A 96 |####                 Team A 96 |###################
Team B 99 |################     Team B 99 |###################▌
\`\`\`

Links wirkt Team B viermal besser, rechts sieht der Unterschied von 3 Punkten aus, wie er ist. Balkendiagramme beginnen bei null; zeigen Sie den ganzen Zeitraum oder begründen Sie die Auswahl.`,
  ],
  'workplace-risk-assessment': [
    `A **hazard** is anything with the potential to cause harm: a wet floor, a forklift, a solvent, a tired night shift. A **risk** is how likely that harm is and how bad it would be. Risk assessment starts by finding hazards, and the people who do the work find them best.

Walk the workplace at different times and talk to the people there. Look at tasks as they are really done, not as the procedure says, and include the rare ones: cleaning, maintenance, deliveries at night. Read the accident and near-miss book; near misses are free lessons.

### Worked example: a walk through a loading bay

\`\`\`
observation                               hazard
pallets stacked by the door               struck by falling load
drivers walk behind reversing trucks      struck by vehicle
cold store door sticks from inside        trapped in a cold room
floor wet near the dock leveller          slip
\`\`\`

Four hazards in ten minutes, two of which (reversing trucks, the cold store door) never appeared in the written procedure. Record who could be harmed for each: staff, drivers from other companies, visitors, cleaners.`,
    `Once you know the hazards, rate each risk so the worst are dealt with first. A simple matrix multiplies **likelihood** (1 rare to 5 almost certain) by **severity** (1 minor to 5 fatal). Scores of 15 or more need action now; 8 to 12 need a plan; lower scores are watched.

Control risks in order of the **hierarchy of controls**: eliminate the hazard, substitute something less dangerous, engineer it away (guards, barriers), change how work is organised (procedures, training), and only last rely on personal protective equipment. Higher controls work without anyone having to remember them.

### Worked example: rating and controlling the reversing trucks

\`\`\`
likelihood 4 (daily near misses) x severity 5 (fatal) = 20  -> act now
controls chosen, highest first:
  engineer:   barrier-marked walkway, no pedestrian route behind the bay
  organise:   banksman for every reversing movement
  PPE:        high-visibility vests for everyone in the yard
re-rated:    likelihood 2 x severity 5 = 10  -> review in 3 months
\`\`\`

Write down who does each action and by when, and check that the controls are used in practice.`,
  ],
  'warehouse-operations': [
    `Good storage starts at the receiving dock. Every delivery is checked against its purchase order (item, quantity, condition) before it is accepted, because a mistake caught at the door costs minutes and a mistake found at picking costs a customer order.

Where stock goes matters as much as how it is checked. **Slotting** puts fast-moving items close to the dispatch area and at waist height, and slow movers further away or higher up. Every location has an address (aisle, bay, level, position) so that the system, not someone's memory, knows where things are.

### Worked example: ABC slotting

\`\`\`
class  share of items  share of picks  where it goes
A          10%             70%         golden zone near dispatch, waist height
B          20%             20%         middle aisles
C          70%             10%         far aisles, top levels
\`\`\`

Moving 10% of the items into the golden zone cut the walking distance of a typical picking round by about a third at one site. Review the classes every quarter: seasonal items change class.`,
    `Picking is usually the most expensive step in a warehouse, and most of its cost is walking. **Discrete picking** (one order at a time) is simple; **batch picking** collects several orders in one round; **zone picking** gives each picker an area and passes orders along.

Accuracy matters more than speed. Scan the location and the item at every pick, and check weight or count at packing. At dispatch, stage orders by carrier and departure time so that the last truck is not loaded with the first orders of the day.

### Worked example: batch or discrete?

\`\`\`
20 small orders, 2 lines each, spread over 8 aisles
discrete: 20 rounds x ~8 aisles  = ~160 aisle visits
batch (5 orders per round): 4 rounds x ~8 aisles = ~32 aisle visits
extra cost of batching: sorting 40 lines into 20 orders at packing
\`\`\`

Batch picking wins when orders are small and share aisles; discrete picking wins for large orders that fill a trolley by themselves.`,
  ],
  'first-aid-at-work': [
    `At any incident, make sure you do not become the second casualty. Use **DR ABC** to work in a safe order: **Danger**, **Response**, **Airway**, **Breathing**, **Circulation**.

Check for danger (traffic, electricity, fire, fumes) and make the area safe before you approach. Check response: speak loudly, tap the shoulders. If there is no response, shout for help, open the airway by tilting the head and lifting the chin, and look, listen and feel for normal breathing for no more than 10 seconds.

### Worked example: a collapse in the canteen

\`\`\`
Danger     spilt water on the floor -> step around it, warn others
Response   no answer to voice or tap -> shout "I need help!"
Airway     head tilt, chin lift
Breathing  occasional gasps only -> NOT normal breathing
Action     send someone to call 999/112 and fetch the defibrillator
           start CPR (next module)
\`\`\`

Occasional gasps are not normal breathing: treat them as no breathing. If the casualty is breathing normally, put them in the recovery position and keep checking.`,
    `Cardiopulmonary resuscitation (CPR) keeps oxygen moving to the brain until a defibrillator or the ambulance arrives. Good compressions matter most: the heel of one hand in the centre of the chest, the other hand on top, arms straight, pushing **5 to 6 cm** deep at **100 to 120 a minute**, letting the chest come back up each time.

If you are trained and willing, give **2 rescue breaths after every 30 compressions**; if not, compressions alone are far better than nothing. As soon as an **automated external defibrillator (AED)** arrives, switch it on and follow its spoken instructions: it decides whether a shock is needed, and it will not shock a heart that does not need it.

### Worked example: the first two minutes

\`\`\`
0:00  no normal breathing -> 999/112 called, AED requested
0:10  30 compressions (about 18 seconds), 2 breaths
0:30  repeat 30:2
1:40  AED arrives: pads on bare chest, stand clear for analysis
1:55  "shock advised" -> everyone clear, press the button
2:00  restart compressions at once, as the AED instructs
\`\`\`

Swap with another rescuer every two minutes if you can: compressions get shallow as you tire.`,
  ],
  'carbon-accounting-essentials': [
    `A carbon inventory starts by drawing boundaries: which parts of the organisation are included, and which emissions. The Greenhouse Gas Protocol sorts emissions into three **scopes**.

**Scope 1** is what you burn yourself: fuel in your boilers and vehicles. **Scope 2** is the electricity, heat and steam you buy. **Scope 3** is everything else in your value chain: purchased goods, business travel, commuting, transport by others, the use and disposal of what you sell. For most organisations scope 3 is the largest and the hardest to measure.

### Worked example: sorting a logistics company's sources

\`\`\`
diesel in own trucks                 scope 1
gas for the office heating           scope 1
electricity for the warehouses       scope 2
parcels carried by partner carriers  scope 3 (upstream transport)
staff flights to a conference        scope 3 (business travel)
\`\`\`

Decide your boundary once (for example, every site you operate) and keep it from year to year, or your trend will show changes in boundary rather than changes in emissions.`,
    `Most emissions are not measured at the chimney; they are calculated. The basic formula is **activity data × emission factor = emissions**. Activity data is something you can count (litres of diesel, kWh of electricity, tonne-kilometres of freight); the emission factor says how much greenhouse gas one unit produces, expressed in kilograms of CO₂-equivalent (kg CO₂e).

Use factors from a recognised, dated source, the same source every year where you can, and record which one. Electricity has two methods: **location-based** (the average grid factor where you use it) and **market-based** (what your supply contracts say); report both.

### Worked example: one month at one warehouse

\`\`\`
diesel, yard trucks     1,200 litres  x 2.5 kg CO2e/litre  = 3,000 kg
electricity            40,000 kWh     x 0.2 kg CO2e/kWh    = 8,000 kg
total                                                      = 11,000 kg = 11.0 t CO2e
\`\`\`

(The factors here are round numbers for the example; use your published source's values.) Keep the calculation in a sheet where every number links to its evidence: an auditor will ask for the fuel invoices and the meter readings.`,
  ],
  'complaint-handling': [
    `Most people who complain want three things: to be heard, to have the problem put right and to know it will not happen again. The first is the one most often skipped, and without it the other two rarely land.

Listen to the whole story before you answer. Let the customer finish, take notes, and then **reflect back** what you heard in your own words: it shows you listened and catches misunderstandings early. Acknowledge the feeling as well as the facts ("that must have been frustrating, with the shop closing at six") without arguing about whose fault it was.

### Worked example: the missed delivery

\`\`\`
Customer: "I took the afternoon off and nobody came. Again."
Reflect:  "So you stayed home for the 1-5 slot today, the parcel did not
           arrive, and this is the second time. Is that right?"
Customer: "Yes, and no one called."
Acknowledge: "I'm sorry. Losing an afternoon twice is a real cost to you."
\`\`\`

Only now move to questions and solutions. A customer who feels heard is usually ready to agree a remedy; one who does not will reject even a generous offer.`,
    `Putting it right means agreeing a remedy, doing what you promised, and closing the loop. Offer what fits the harm: a redelivery at a fixed time, a refund of the delivery charge, a goodwill gesture when the customer lost time or money. Make the promise specific (who, what, by when) and keep it.

Then look beyond the single case. Record the cause of every complaint in a few fixed categories, and review them monthly: one complaint is an incident, twenty with the same cause are a process problem.

### Worked example: from one complaint to a fix

\`\`\`
remedy agreed   redelivery tomorrow 8-10, delivery charge refunded,
                call from the depot if the slot slips
follow-up       next day: delivered at 9:12, customer thanked
monthly review  37 "missed slot" complaints, 29 from one depot,
                drivers there had no way to call ahead
fix             call-ahead button added to the depot's handheld app
\`\`\`

Tell customers what changed because of their complaint: it is the strongest evidence that complaining was worth their time.`,
  ],
  'gestion-de-proyectos-agil': [
    `Los equipos iteran porque los planes se encuentran con la realidad y pierden. Entregar una pieza pequeña y utilizable cada una o dos semanas convierte cada entrega en una prueba: el cliente reacciona, el equipo aprende y la siguiente pieza apunta mejor.

Los ciclos cortos cambian tres cosas. El **riesgo** baja, porque un error cuesta dos semanas y no seis meses. Las **prioridades** pueden cambiar sin gran coste, porque no hay nada grande a medio hacer. Y el progreso se mide en **resultados que funcionan**, no en documentos.

### Ejemplo práctico: una función, dos caminos

\`\`\`
Gran lote:  diseño ---- desarrollo ------- pruebas ---- entrega  (semana 12: primera opinión)
Iterativo:  parte 1 | parte 2 | parte 3 | parte 4 | ...           (semana 2: primera opinión)
\`\`\`

Un equipo de almacén necesita una pantalla de devoluciones. Con el gran lote descubren en la semana 12 que el personal escanea antes de abrir las cajas; iterando, lo ven en la semana 2 y lo corrigen en la semana 3.`,
    `Un **sprint** es un periodo fijo (a menudo dos semanas) con un objetivo. En la **planificación** el equipo elige los primeros elementos de un backlog ordenado que caben en su capacidad. La **reunión diaria** (15 minutos) responde a una pregunta: ¿qué impide alcanzar el objetivo del sprint? El sprint termina con una **revisión** de lo construido y una **retrospectiva** sobre cómo trabajó el equipo.

Un **tablero Kanban** hace visible el trabajo como tarjetas que avanzan por columnas. Su regla más útil es el **límite de trabajo en curso (WIP)**: cuando una columna está llena, se ayuda a terminar en lugar de empezar algo nuevo.

### Ejemplo práctico: la ley de Little en un tablero

\`\`\`
tiempo de ciclo medio = trabajo en curso / rendimiento
antes:   9 tarjetas / 3 terminadas al día = 3,0 días
después: 6 tarjetas / 3 terminadas al día = 2,0 días
\`\`\`

Nadie trabajó más rápido: las tarjetas simplemente esperaron menos. Empiece con un límite algo inferior a lo que el equipo lleva hoy y redúzcalo mientras la cola antes del paso más lento siga bajando.`,
  ],
};
