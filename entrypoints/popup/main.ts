import { i18n } from '#i18n';
import { afterFirstPaint, pageTarget, preparePage } from '@/components/prepare-page';
import './popup.css';

/**
 * The popup's field is usable before anything else loads (issue #14): it is in popup.html (focused there),
 * labelled here with no Svelte and no storage. The answer, the tab's diagnosis, the history and the checks
 * come with mount-popup.ts; what was typed meanwhile is kept (the answer reads the field as it is).
 */
preparePage(i18n.t('popup.title'));
pageTarget('title').textContent = i18n.t('popup.title');
pageTarget('lookup-label').textContent = i18n.t('popup.lookupLabel');
pageTarget('lookup-hint').textContent = i18n.t('popup.lookupHint');
const field = pageTarget('lookup') as HTMLInputElement;
// In case the page was shown without the focus (autofocus applies once, as the page first paints).
field.focus();
field.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  // Escape clears the field; on an empty field it closes the popup, as Escape does elsewhere.
  event.preventDefault();
  if (field.value === '') window.close();
  else {
    field.value = '';
    field.dispatchEvent(new Event('input'));
  }
});
afterFirstPaint(() => void import('./mount-popup.ts').then(({ mountPopup }) => mountPopup(field)));
