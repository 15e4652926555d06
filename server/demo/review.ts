import type { FastifyInstance } from 'fastify';
import type { JsonObject } from '../questionnaire/index.js';
import type { Actor, ResponseTarget } from '../responses/target.js';
import type { Reviewed } from './demo-states.js';

/**
 * The consultant's side of the demo: a submitted reply accepted, left to review, or sent back
 * with comments on its answers that the delegates answer in the same thread — and, for a
 * corrected reply, the answer changed, the threads resolved, the reply submitted again and
 * accepted. All through the responses service, as the reply page and the review board do it.
 */

interface Thread {
  readonly question: string;
  /** The consultant's comment on the answer. */
  readonly comment: string;
  /** The delegate's answer to it, in the same thread. */
  readonly reply: string;
}

interface ReturnNote {
  /** What the consultant writes when sending the reply back (a comment on the whole reply). */
  readonly message: string;
  readonly threads: readonly Thread[];
}

/** The returned replies of each version take these in turn. */
const RETURN_NOTES: Readonly<Record<number, readonly ReturnNote[]>> = {
  1: [
    {
      message: 'Thank you for the reply. Please check the victim figures (see the comment) and submit again.',
      threads: [
        {
          question: 'identified_victims',
          comment: 'Are these the figures for 2008? The national report gives other totals for adult women.',
          reply: 'We have asked the police statistics office for the final 2008 figures and will correct them this week.',
        },
      ],
    },
    {
      message: 'Nearly there: one answer needs a few more words (see the comment).',
      threads: [
        {
          question: 'national_referral_mechanism',
          comment: 'Please describe who refers victims to assistance in practice, even without a written procedure.',
          reply: 'We will describe the practice together with the NGOs that run the shelters and submit again.',
        },
      ],
    },
  ],
  2: [
    {
      message: 'Thank you. Two answers need a look before we can accept the reply (see the comments).',
      threads: [
        {
          question: 'national_referral_mechanism',
          comment: 'In 2009 the referral mechanism was in preparation. Has it been adopted since? Please name the act and its date in the description.',
          reply: 'Yes, the Cabinet adopted it in February 2010. We will add the reference.',
        },
        {
          question: 'victim_data_year',
          comment: 'Do the victim figures cover the whole of 2009, or only the first months of 2010?',
          reply: 'The whole of 2009.',
        },
      ],
    },
  ],
};

/** The corrected replies: sent back about the reporting period, which the delegate then puts right. */
const CORRECTION: ReturnNote & { readonly set: JsonObject } = {
  message: 'One small thing before we accept the reply (see the comment).',
  threads: [
    {
      question: 'reference_period',
      comment: 'Please give the period the reply covers as the other states do, from the start of 2009 to the month of the reply.',
      reply: 'Corrected to January 2009 – March 2010.',
    },
  ],
  set: { reference_period: 'January 2009 – March 2010' },
};

export interface Reviewer {
  /** Takes a just-submitted reply to `outcome`; returned replies of a version take its notes in turn. */
  review(target: ResponseTarget, outcome: Reviewed, people: { readonly delegate: Actor; readonly consultant: Actor }): Promise<void>;
}

export function createReviewer(app: FastifyInstance): Reviewer {
  const returnedSoFar = new Map<number, number>();

  /** Comments the answers, sends the reply back and lets the delegate answer each thread. */
  async function sendBack(target: ResponseTarget, note: ReturnNote, delegate: Actor, consultant: Actor): Promise<void> {
    const comments = [];
    for (const thread of note.threads) {
      comments.push({ thread, id: (await app.responses.comments.create(target, consultant, { question: thread.question, body: thread.comment })).id });
    }
    await app.responses.returnResponse(target, consultant, note.message);
    for (const { thread, id } of comments) await app.responses.comments.create(target, delegate, { body: thread.reply, replyTo: id });
  }

  async function review(target: ResponseTarget, outcome: Reviewed, { delegate, consultant }: { delegate: Actor; consultant: Actor }): Promise<void> {
    switch (outcome) {
      case 'submitted':
        return;
      case 'accepted':
        await app.responses.accept(target, consultant);
        return;
      case 'returned': {
        const notes = RETURN_NOTES[target.version] ?? RETURN_NOTES[1]!;
        const turn = returnedSoFar.get(target.version) ?? 0;
        returnedSoFar.set(target.version, turn + 1);
        await sendBack(target, notes[turn % notes.length]!, delegate, consultant);
        return;
      }
      case 'corrected': {
        await sendBack(target, CORRECTION, delegate, consultant);
        const { revision } = await app.responses.get(target);
        const saved = await app.responses.save(target, delegate, { baseRevision: revision, set: CORRECTION.set });
        for (const comment of await app.responses.comments.list(target)) {
          if (comment.resolvedAt === null) await app.responses.comments.setResolved(target, delegate, comment.id, true);
        }
        await app.responses.submit(target, delegate, saved.revision);
        await app.responses.accept(target, consultant);
        return;
      }
    }
  }

  return { review };
}
