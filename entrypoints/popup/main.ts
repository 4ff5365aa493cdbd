import { i18n } from '#i18n';
import { mountPage } from '@/components/mount-page';
import App from './App.svelte';

mountPage(App, i18n.t('popup.title'));
