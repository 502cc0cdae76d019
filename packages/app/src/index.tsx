import ReactDOM from 'react-dom/client';
import App from './App';
import '@backstage/ui/css/styles.css';
import './modules/branding/tokens.css';
import './modules/branding/layout.css';

ReactDOM.createRoot(document.getElementById('root')!).render(App.createRoot());
